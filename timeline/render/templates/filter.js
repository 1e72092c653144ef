(function () {
  "use strict";
  var controls = document.getElementById("controls");
  var search = document.getElementById("search");
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".source-filter"));
  var events = Array.prototype.slice.call(document.querySelectorAll(".event"));
  var shown = document.getElementById("shown");
  controls.hidden = false;
  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var count = 0;
    events.forEach(function (li) {
      var text = li.textContent.toLowerCase();
      var cited = li.getAttribute("data-sources").split(" ");
      var ok = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
        cited.some(function (n) { return wanted.indexOf(n) !== -1; });
      li.hidden = !ok;
      if (ok) { count += 1; }
    });
    document.querySelectorAll(".day").forEach(function (day) {
      day.hidden = !day.querySelector(".event:not([hidden])");
    });
    shown.textContent = count === events.length ? "" : count + " of " + events.length + " events shown";
  }
  var hash = /^#q=(.*)$/.exec(location.hash);  // a shareable view: page.html#q=words
  if (hash) { search.value = decodeURIComponent(hash[1]); apply(); }
  search.addEventListener("input", apply);
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
})();
