// Progressive enhancement: on wide screens the agenda filters start open. Without JS they are a
// <details> that opens with one tap, and everything works.
(function () {
  var wide = window.matchMedia("(min-width: 56rem)");
  document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
    if (wide.matches) details.open = true;
  });
})();
