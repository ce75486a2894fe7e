// Starts Decap CMS with the one format it lacks: a YAML file of items keyed by id (content/actors.yaml,
// content/themes.yaml), which the form edits as a list of items that each carry their id.
// Decap is loaded from here, after it has been told to wait: the format must be registered before it starts.
import { CONTROL_NAMES, DECAP_CORRECTIONS, DECAP_PHRASES, TRANSLATING } from "./svenska.js";
import { register as registerTranslating } from "./translating.js";
import { parse, stringify } from "./yaml/index.js";

const LIST = "items";
const isEmpty = (value) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

const keyedYaml = {
  fromFile(text) {
    const items = parse(text) ?? {};
    return { [LIST]: Object.entries(items).map(([id, fields]) => ({ id, ...fields })) };
  },
  toFile(data) {
    const items = {};
    for (const { id, ...fields } of data[LIST] ?? []) {
      // A field left empty in the form is left out of the file, as the format has it.
      items[id] = Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
    }
    return stringify(items, { lineWidth: 0 });
  },
};

// Controls of Decap's that have no name for a screen reader, named in Swedish, as the rest of the editor speaks:
// the Markdown editor after its field's label, and each list item's buttons after what they do.
// A Markdown field's container is labelled with a word of Decap's locale, known once Decap has loaded.
let markdownField = null;
const UNNAMED = [
  ['[role="textbox"]', (box) => markdownField && box.closest(`[aria-label="${markdownField}"]`)?.querySelector("label")?.firstChild?.textContent],
  ['[aria-roledescription="sortable"]', () => CONTROL_NAMES.move],
  ["iframe#preview-pane", () => CONTROL_NAMES.preview],
  [
    '[class*="TopBarButton"]',
    (button) => (button === button.parentElement.querySelector('[class*="TopBarButton"]') ? CONTROL_NAMES.showOrHide : CONTROL_NAMES.remove),
  ],
];
const nameControls = () => {
  for (const [selector, name] of UNNAMED) {
    for (const control of document.querySelectorAll(`${selector}:not([aria-label])`)) {
      const said = name(control);
      if (said) control.setAttribute("aria-label", said);
    }
  }
};
new MutationObserver(nameControls).observe(document.body, { childList: true, subtree: true });

// Decap's Swedish locale, with the words it lacks added and none of its own replaced.
const isGroup = (value) => typeof value === "object" && value !== null;
const filled = (phrases, more) => {
  const all = { ...phrases };
  for (const [key, value] of Object.entries(more)) {
    all[key] = isGroup(value) ? filled(isGroup(phrases[key]) ? phrases[key] : {}, value) : (phrases[key] ?? value);
  }
  return all;
};

// The phrases with others put in their place, key by key.
const corrected = (phrases, others) => {
  const all = { ...phrases };
  for (const [key, value] of Object.entries(others)) {
    all[key] = isGroup(value) ? corrected(isGroup(phrases[key]) ? phrases[key] : {}, value) : value;
  }
  return all;
};

// A site without a sign-in server of its own (extra.editor.auth_url) offers only the local mode, on this computer:
// Decap would otherwise send staff to Netlify's sign-in, a third party. The page then says what must be set up.
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
if (document.body.dataset.signIn === "local" && !LOCAL_HOSTS.has(location.hostname)) {
  document.getElementById("ingen-inloggning").hidden = false;
} else {
  window.CMS_MANUAL_INIT = true;
  const decap = document.createElement("script");
  decap.src = new URL("decap-cms.js", import.meta.url).href;
  decap.addEventListener("load", async () => {
    const swedish = corrected(filled(window.CMS.getLocale("sv"), DECAP_PHRASES), DECAP_CORRECTIONS);
    markdownField = swedish.editor.editorControl.field.widgetLabel.replace("%{widgetLabel}", "markdown");
    window.CMS.registerLocale("sv", swedish);
    window.CMS.registerCustomFormat("keyed-yaml", "yaml", keyedYaml);
    // The translators' forms need to know their collections before Decap starts: read from the same configuration.
    const config = parse(await (await fetch(document.querySelector('link[rel="cms-config-url"]').href)).text());
    registerTranslating(window.CMS, TRANSLATING, config);
    window.CMS.init();
  });
  document.body.append(decap);
}
