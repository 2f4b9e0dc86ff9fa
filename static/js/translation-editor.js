// wagtail-localize's translation editor writes some of its words into its script, in English
// whatever the admin's language: it titles the strings to translate "Nederlands to Deutsch
// translation", and its menu button (beside "Publish in …") is read out as "More actions". This
// puts the admin language's words (data-heading and data-more-actions, from the catalogues) in
// their place.
(() => {
  const script = document.currentScript.dataset;
  const english = /^(.+) to (.+) translation$/;

  const rename = (editor) => {
    editor.querySelectorAll("section h3").forEach((heading) => {
      const text = heading.firstChild;
      const match = text && english.exec(text.nodeValue || "");
      if (match) {
        text.nodeValue = script.heading
          .replace("%(source)s", match[1])
          .replace("%(target)s", match[2]);
      }
    });
    editor.querySelectorAll(".w-sr-only").forEach((hidden) => {
      if (hidden.textContent === "More actions") hidden.textContent = script.moreActions;
    });
  };

  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    rename(editor);
    new MutationObserver(() => rename(editor)).observe(editor, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
})();
