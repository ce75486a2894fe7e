// The translators' forms (editor.py, one collection per language and kind of file): the formats of a translation's
// file, the Swedish original beside the form, and the translator's word that the translation is reviewed against it.
import { parse, stringify } from "./yaml/index.js";

// Fields of the form that say which original a new translation translates: they name its file and are not written in it.
const NAMING = new Set(["original", "period"]);
const FINGERPRINTS = "translated_from";
const isEmpty = (value) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

// A translation's texts as its file has them: nothing empty, but an item of a list stays in its place (an empty "- {}"),
// since a list is translated item for item.
const pruned = (value) => {
  if (Array.isArray(value)) return value.map((item) => (item !== null && typeof item === "object" ? pruned(item) : item));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, inner]) => [key, pruned(inner)])
      .filter(([key, inner]) => !NAMING.has(key) && !isEmpty(inner) && !(typeof inner === "object" && !Array.isArray(inner) && !Object.keys(inner).length && key === FINGERPRINTS)),
  );
};
// A list item left empty in a file ("-") is an empty item in the form.
const filledIn = (value) =>
  Array.isArray(value) ? value.map((item) => (item === null ? {} : filledIn(item))) : value && typeof value === "object"
    ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, filledIn(inner)])) : value;

export const translationYaml = {
  fromFile: (text) => filledIn(parse(text) ?? {}),
  toFile: (data) => stringify(pruned(data), { lineWidth: 0 }),
};

const FRONT = /^---\n([\s\S]*?\n)?---\n?([\s\S]*)$/;
export const translationFrontmatter = {
  fromFile(text) {
    const found = FRONT.exec(text);
    if (!found) return { body: text };
    return { ...filledIn(parse(found[1] ?? "") ?? {}), body: found[2] };
  },
  toFile(data) {
    const { body, ...front } = data;
    return `---\n${stringify(pruned(front), { lineWidth: 0 })}---\n${body ?? ""}`;
  },
};

// The original's text as translated.fingerprint reads it: a Markdown text as it is, another text trimmed, a list a line
// each, items within by their texts in order (as JSON); twelve hex digits of its SHA-256 (the browser's own).
const canonical = (value, spec) => {
  if (spec.items) return (value ?? []).map((item) => canonical(item, { item: spec.items }));
  if (spec.item) {
    if (value === null || value === undefined) return null;
    return Object.entries(spec.item).map(([name, inner]) => {
      const text = value[name];
      if (typeof inner === "object") return canonical(text, inner);
      if (inner === "lines") return (text ?? []).map((line) => String(line).trim());
      return isEmpty(text) ? null : inner === "markdown" ? String(text) : String(text).trim();
    });
  }
  return value;
};
const textOf = (value, spec) => {
  if (typeof spec === "object") return JSON.stringify(canonical(value, spec));
  if (spec === "lines") return (value ?? []).map((line) => String(line).trim()).join("\n");
  return spec === "markdown" ? String(value) : String(value).trim();
};
const fingerprint = async (text) => {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, 12);
};
const hasText = (value) => !isEmpty(value) && !(typeof value === "object" && !Array.isArray(value) && !Object.keys(value).length);

const plain = (value) => (value && typeof value.toJS === "function" ? value.toJS() : value);

// Where a translation's original is: the same name in the original's collection (a commitment's with its period's folder).
const originalSlug = (entry) => {
  const data = plain(entry.get("data")) ?? {};
  const slug = entry.get("slug") || "";
  if (slug) return slug;
  return data.period ? `${data.period}/${data.original ?? ""}` : data.original ?? "";
};

// Each text of the original beside the translation's: the Swedish, then the translation as it is being written.
const rows = (original, translation, texts, labels, prefix = "") => {
  const found = [];
  for (const [name, spec] of Object.entries(texts)) {
    const label = `${prefix}${labels[name] ?? name}`;
    const now = original?.[name];
    const given = translation?.[name];
    if (typeof spec === "object" && spec.items) {
      (now ?? []).forEach((item, index) => found.push(...rows(item, given?.[index], spec.items, labels, `${label} ${index + 1}: `)));
    } else if (typeof spec === "object") {
      found.push(...rows(now, given, spec.item, labels, `${label}: `));
    } else if (hasText(now)) {
      found.push([label, spec === "lines" ? now.join("\n") : String(now), spec === "lines" ? (given ?? []).join("\n") : given ?? ""]);
    }
  }
  return found;
};

// The review field of a translators' form: which original, in which language, its texts and their labels (editor.py).
const reviewField = (collection) => (collection.fields ?? []).find((field) => field.widget === "review");

export function register(CMS, words, config) {
  const h = window.h;
  CMS.registerCustomFormat("translation-yaml", "yaml", translationYaml);
  CMS.registerCustomFormat("translation-frontmatter", "md", translationFrontmatter);

  // The review: what the recorded fingerprints say of the original as it is now, and a box to tick once the translation
  // is checked against it, which records the original's fingerprints (as the command reviewed does).
  const Review = window.createClass({
    getInitialState() {
      return { original: null, current: null, missing: false };
    },
    componentDidMount() {
      this.load();
    },
    async load() {
      const field = this.props.field;
      const slug = originalSlug(this.props.getEntry ? this.props.getEntry() : this.props.entry);
      if (!slug) return;
      try {
        const found = await this.props.loadEntry(field.get("original"), slug);
        const original = plain(found.data) ?? {};
        const texts = plain(field.get("texts"));
        const current = {};
        for (const [name, spec] of Object.entries(texts)) {
          if (hasText(original[name])) current[name] = await fingerprint(textOf(original[name], spec));
        }
        this.setState({ original, current });
      } catch {
        this.setState({ missing: true });
      }
    },
    render() {
      const { original, current, missing } = this.state;
      const recorded = plain(this.props.value) ?? {};
      const id = this.props.forID;
      if (missing) return h("p", { id }, words.noOriginal);
      if (!current) return h("p", { id }, words.loading);
      const outdated = Object.keys(recorded).filter((name) => current[name] && recorded[name] !== current[name]);
      // As check reads them: reviewed when fingerprints are recorded and none is of an original that has changed since.
      const reviewed = Object.keys(recorded).length > 0 && !outdated.length;
      const labels = plain(this.props.field.get("labels")) ?? {};
      const said = outdated.length ? `${words.outdated} ${outdated.map((name) => labels[name] ?? name).join(", ")}.`
        : reviewed ? words.reviewed : words.notReviewed;
      return h("div", { className: this.props.classNameWrapper, role: "group", "aria-labelledby": `${id}-said` },
        h("p", { id: `${id}-said`, role: "status" }, said),
        h("label", null,
          h("input", {
            id, type: "checkbox", checked: reviewed,
            onChange: (event) => this.props.onChange(event.target.checked ? { ...current } : {}),
          }),
          " ", words.tick));
    },
  });
  CMS.registerWidget("review", Review);

  // Side by side: the Swedish original, text by text, beside the translation being written (the editor's right half).
  const SideBySide = ({ original: kind, language, language_name: languageName, direction, texts, labels }) => window.createClass({
    getInitialState() {
      return { original: null };
    },
    async componentDidMount() {
      const slug = originalSlug(this.props.entry);
      if (!slug) return;
      try {
        const found = await this.props.getCollection(kind, slug);
        this.setState({ original: plain(found.get("data")) ?? {} });
      } catch {
        this.setState({ original: {} });
      }
    },
    render() {
      const translation = plain(this.props.entry.get("data")) ?? {};
      if (!this.state.original) return h("p", null, words.loading);
      return h("table", { style: { borderCollapse: "collapse", width: "100%", fontFamily: "sans-serif" } },
        h("caption", { style: { textAlign: "start", fontWeight: "bold", padding: "0.5em 0" } }, words.sideBySide),
        h("thead", null, h("tr", null,
          h("th", { scope: "col", style: { textAlign: "start" } }, words.field),
          h("th", { scope: "col", style: { textAlign: "start" } }, words.swedish),
          h("th", { scope: "col", style: { textAlign: "start" } }, languageName.charAt(0).toUpperCase() + languageName.slice(1)))),
        h("tbody", null, rows(this.state.original, translation, texts, labels).map(([label, swedish, given], index) =>
          h("tr", { key: index, style: { borderTop: "1px solid #999", verticalAlign: "top" } },
            h("th", { scope: "row", style: { textAlign: "start", padding: "0.4em" } }, label),
            h("td", { lang: "sv", dir: "ltr", style: { whiteSpace: "pre-wrap", padding: "0.4em" } }, swedish),
            h("td", { lang: language, dir: direction, style: { whiteSpace: "pre-wrap", padding: "0.4em" } }, given || words.notTranslated)))));
    },
  });
  for (const collection of config.collections ?? []) {
    const review = reviewField(collection);
    if (review) CMS.registerPreviewTemplate(collection.name, SideBySide(review));
  }
}
