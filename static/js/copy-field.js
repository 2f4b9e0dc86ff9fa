// A "copy" button beside a read-only field (the member's calendar address). The button is in the
// page hidden: without script the field stays, to select and copy by hand. Its words ("Copy",
// "Copied") come from the page, in the reader's language.
(() => {
  const copy = async (field) => {
    try {
      await navigator.clipboard.writeText(field.value);
      return true;
    } catch {
      // No clipboard API (a page not served over HTTPS, an older browser): the selection way.
      field.select();
      return document.execCommand("copy");
    }
  };

  document.querySelectorAll("[data-copy]").forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    const label = button.textContent;
    const status = button.closest(".copy-field")?.querySelector("[role=status]");
    field.addEventListener("focus", () => field.select());
    button.hidden = false;
    button.addEventListener("click", async () => {
      if (!(await copy(field))) return;
      button.textContent = button.dataset.copied;
      if (status) status.textContent = button.dataset.copied;
      setTimeout(() => {
        button.textContent = label;
        if (status) status.textContent = "";
      }, 3000);
    });
  });
})();
