/* Progressive enhancement for "Zet je activiteit in de agenda": show only the questions that apply.
   Without JavaScript every question is shown, with a label that says when it applies. */
(function () {
  "use strict";
  var form = document.querySelector("[data-meedoen-form]");
  if (!form) return;

  function value(name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : "";
  }

  function show(name, visible) {
    var box = form.querySelector('[data-veld="' + name + '"]');
    if (!box) return;
    // A question with an error message always stays visible.
    box.hidden = !visible && !box.querySelector(".field--error");
  }

  var rules = [
    ["weekdag", function () { return ["wekelijks", "tweewekelijks", "maandelijks"].indexOf(value("herhaling")) >= 0; }],
    ["week_van_maand", function () { return value("herhaling") === "maandelijks"; }],
    ["einddatum", function () { var h = value("herhaling"); return h !== "eenmalig" && h !== ""; }],
    ["onderwerpen", function () { return !form.querySelector('input[name="soort"]') || value("soort") === "spreekuur"; }],
    ["bedrag", function () { return value("kosten") === "bedrag"; }],
    ["aanmelden_hoe", function () { return value("aanmelden") === "aanmelden"; }]
  ];

  function update() {
    rules.forEach(function (rule) { show(rule[0], rule[1]()); });
  }

  form.addEventListener("change", update);
  update();
})();
