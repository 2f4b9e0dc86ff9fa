// wagtail-localize's translation editor titles the strings to translate "Nederlands to Deutsch
// translation", in English whatever the admin's language (the words are in its script). This puts
// the admin language's sentence (data-heading, from our catalogue) in their place.
(() => {
  const template = document.currentScript.dataset.heading;
  const english = /^(.+) to (.+) translation$/;

  const rename = (editor) => {
    editor.querySelectorAll("section h3").forEach((heading) => {
      const text = heading.firstChild;
      const match = text && english.exec(text.nodeValue || "");
      if (match) {
        text.nodeValue = template.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
      }
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
