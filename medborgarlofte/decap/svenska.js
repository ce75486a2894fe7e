// The editor's own words in Swedish, for the people who write content. Decap's Swedish locale lacks some of
// Decap's words (it would show them in English, as "Add statushistorik"); these fill it, key by key as in
// Decap's English locale. A test fails when Decap has a word in English that neither has in Swedish.
export const DECAP_PHRASES = {
  auth: {
    loginWithForgejo: "Logga in med Forgejo",
  },
  collection: {
    collectionTop: {
      viewAsList: "Visa som lista",
      viewAsGrid: "Visa som rutnät",
    },
    entries: {
      unpublishedHeader: "Opublicerade inlägg",
    },
  },
  editor: {
    editorControl: {
      field: {
        widgetLabel: "Fältet %{widgetLabel}",
      },
    },
    editorControlPane: {
      i18n: {
        copyFromLocale: "Fyll i från ett annat språk",
        copyFromLocaleConfirm: "Vill du fylla i uppgifterna från språket %{locale}?\nAllt som redan står här skrivs över.",
      },
    },
    editorInterface: {
      toggleNotes: "Visa eller dölj anteckningar",
    },
    editorNotesPane: {
      title: "Anteckningar",
      emptyState: "Inga anteckningar ännu. Skriv den första här nedanför.",
      addNote: "Lägg till anteckning",
      addPlaceholder: "Skriv en anteckning …",
      editPlaceholder: "Ändra anteckningen …",
      save: "Spara",
      cancel: "Avbryt",
      edit: "Ändra",
      delete: "Radera",
      resolve: "Markera som klar",
      unresolve: "Markera som inte klar",
      confirmDelete: "Vill du radera anteckningen?",
      shortcut: "Tips: tryck Ctrl+Enter för att lägga till anteckningen.",
    },
    editorToolbar: {
      statusInfoTooltipDraft: "Inlägget är ett utkast. Sätt statusen till ”Under granskning” när det är klart att granskas.",
      statusInfoTooltipInReview: "Inlägget granskas och du behöver inte göra något mer. Du kan ändå fortsätta att ändra i det under tiden.",
    },
    editorWidgets: {
      markdown: {
        strikethrough: "Genomstruken",
        toggleMode: {
          rich: "Byt till formaterad text",
          markdown: "Byt till Markdown",
        },
      },
      image: {
        chooseMultiple: "Välj bilder",
        addMore: "Lägg till fler bilder",
        removeAll: "Ta bort alla bilder",
      },
      file: {
        chooseMultiple: "Välj filer",
        addMore: "Lägg till fler filer",
        removeAll: "Ta bort alla filer",
      },
      datetime: {
        setToNow: "Sätt %{fieldLabel} till nu",
      },
      list: {
        add: "Lägg till %{item}",
        addType: "Lägg till %{item}",
      },
      object: {
        expand: "Visa",
        collapse: "Dölj",
      },
    },
  },
  mediaLibrary: {
    mediaLibraryModal: {
      close: "Stäng",
    },
  },
  ui: {
    settingsDropdown: {
      account: "Kontoinställningar",
    },
    toast: {
      noteAdded: "Anteckningen är tillagd",
      onFailToAddNote: "Det gick inte att lägga till anteckningen: %{details}",
      noteUpdated: "Anteckningen är ändrad",
      onFailToUpdateNote: "Det gick inte att ändra anteckningen: %{details}",
      noteDeleted: "Anteckningen är raderad",
      onFailToDeleteNote: "Det gick inte att radera anteckningen: %{details}",
      noteResolved: "Anteckningen är markerad som klar",
      noteReopened: "Anteckningen är öppen igen",
      onFailToToggleNote: "Det gick inte att ändra anteckningens markering: %{details}",
    },
  },
};

// Words of Decap's Swedish locale said otherwise here: these replace them.
export const DECAP_CORRECTIONS = {
  collection: {
    collectionTop: {
      newButton: "Lägg till %{collectionLabel}", // not "＋ …": U+FF0B is a missing glyph in common fonts, and is read "plus"
    },
  },
  editor: {
    editorToolbar: {
      changesSaved: "Inga osparade ändringar", // said of a new, empty form too, which "Ändringar sparade" is not
    },
  },
};

// Names for Decap's controls that have none a screen reader can say.
export const CONTROL_NAMES = {
  move: "Flytta",
  showOrHide: "Visa eller dölj",
  remove: "Ta bort",
  preview: "Förhandsvisning",
};

// The translators' forms: the review of a translation against its Swedish original, and the original beside it.
export const TRANSLATING = {
  loading: "Läser originalet …",
  noOriginal: "Originalet finns inte: välj vad översättningen översätter.",
  reviewed: "Översättningen är granskad mot originalet som det är nu.",
  notReviewed: "Översättningen är inte granskad mot originalet.",
  outdated: "Originalet har ändrats sedan översättningen granskades:",
  tick: "Jag har granskat översättningen mot originalet som det är nu",
  sideBySide: "Originalet på svenska bredvid översättningen",
  field: "Fält",
  swedish: "Svenska",
  notTranslated: "(inte översatt: visas på svenska)",
};
