// The posts page's copy buttons (lofte/dela/): each copies the text of the field it names.
document.querySelectorAll("button[data-copy]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand("copy");
    }
    const said = button.closest(".post").querySelector("[role=status]");
    said.textContent = button.dataset.copied;
  });
});
