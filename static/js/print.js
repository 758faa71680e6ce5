// Referral slip and poster: after "Afdrukken" was counted, the server sends us back here with
// ?afdrukken=1 and this opens the print dialog. Without JS the slip simply shows; press Ctrl+P.
(function () {
  var url = new URL(window.location.href);
  if (url.searchParams.get("afdrukken") !== "1") return;
  // A reload or the back button should not print again.
  url.searchParams.delete("afdrukken");
  window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  window.addEventListener("load", function () {
    window.print();
  });
})();
