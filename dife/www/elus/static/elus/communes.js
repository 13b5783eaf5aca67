/* "Ville, code postal…": communes are listed as the visitor types (progressive enhancement).
   Without JavaScript the "Rechercher" button does the same on the server. */
(function () {
  "use strict";

  function init(block) {
    var input = block.querySelector("[data-communes-recherche]");
    var form = block.closest("form");
    var list = form && form.querySelector("[data-communes-liste]");
    var status = form && form.querySelector("[data-communes-statut]");
    if (!input || !list) {
      return;
    }
    var url = block.getAttribute("data-communes-url");
    var timer = null;
    var lastQuery = input.value.trim();

    function checkedValue() {
      var checked = list.querySelector("input[name=commune]:checked");
      return checked ? checked.value : "";
    }

    function render(results) {
      var keep = checkedValue();
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      if (!results.length) {
        var empty = document.createElement("p");
        empty.className = "fr-text--sm fr-mb-0";
        empty.textContent = "Aucune commune ne correspond : vérifiez le code postal ou le nom.";
        list.appendChild(empty);
      }
      results.forEach(function (result, index) {
        var group = document.createElement("div");
        group.className = "fr-radio-group fr-mb-1w";
        var radio = document.createElement("input");
        radio.type = "radio";
        radio.name = "commune";
        radio.id = "commune-js-" + index;
        radio.value = result.value;
        radio.checked = result.value === keep || results.length === 1;
        var label = document.createElement("label");
        label.className = "fr-label";
        label.htmlFor = radio.id;
        label.textContent = result.label;
        group.appendChild(radio);
        group.appendChild(label);
        list.appendChild(group);
      });
      if (status) {
        status.textContent = results.length === 1
          ? "1 commune trouvée."
          : results.length + " communes trouvées.";
      }
    }

    function search() {
      var query = input.value.trim();
      if (query === lastQuery || query.length < 2) {
        return;
      }
      lastQuery = query;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { resultats: [] }; })
        .then(function (data) {
          if (input.value.trim() === query) {
            render(data.resultats || []);
          }
        })
        .catch(function () { /* the "Rechercher" button still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        window.clearTimeout(timer);
        search();
      }
    });
  }

  document.querySelectorAll("[data-communes]").forEach(init);
})();
