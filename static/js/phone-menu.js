// The phone menu (<details class="phone-menu">) closes with Escape, as menus do, and gives the
// focus back to its "Menu" button, so a keyboard user goes on from where the menu opened.
// Without script it still opens and closes by that button.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll("details.phone-menu[open]").forEach((menu) => {
    menu.open = false;
    menu.querySelector("summary")?.focus();
  });
});
