// The send progress page in the admin: asks the JSON view for new numbers every few seconds and puts them in
// place. All texts come translated from the server; this file only moves them. A static file, because the
// Content-Security-Policy allows no inline script.
"use strict";
(function () {
  const root = document.querySelector(".digest-progress[data-progress-url]");
  if (!root || root.hasAttribute("data-finished")) {
    return;
  }
  const url = root.dataset.progressUrl;
  const interval = Number(root.dataset.refreshMs) || 3000;
  const bar = root.querySelector("progress");
  const seen = {};
  let failures = 0;
  let timer = null;

  function setText(element, text) {
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function cell(tag, text, numeric) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (tag === "th") {
      element.scope = "row";
    }
    if (numeric) {
      element.className = "digest-progress__number";
    }
    return element;
  }

  // Rebuild a table body only when its rows changed, so that someone reading the table is not disturbed.
  function setRows(name, rows, build) {
    const body = root.querySelector('[data-rows="' + name + '"]');
    const key = JSON.stringify(rows);
    if (!body || seen[name] === key) {
      return;
    }
    seen[name] = key;
    body.replaceChildren();
    if (rows.length === 0 && body.dataset.empty) {
      const row = document.createElement("tr");
      const only = cell("td", body.dataset.empty, false);
      only.colSpan = 3;
      row.append(only);
      body.append(row);
    }
    rows.forEach(function (item) {
      const row = document.createElement("tr");
      row.append.apply(row, build(item));
      body.append(row);
    });
  }

  function show(data) {
    Object.keys(data.texts).forEach(function (key) {
      setText(root.querySelector('[data-text="' + key + '"]'), data.texts[key]);
    });
    if (bar) {
      bar.max = Math.max(data.total, 1);
      bar.value = data.done;
      bar.textContent = data.percent + "%";
    }
    Object.keys(data.counts_label).forEach(function (status) {
      setText(root.querySelector('[data-count="' + status + '"]'), data.counts_label[status]);
    });
    setRows("themes", data.themes, function (theme) {
      return [cell("th", theme.name), cell("td", theme.total, true), cell("td", theme.sent, true), cell("td", theme.done, true)];
    });
    setRows("errors", data.errors, function (error) {
      return [cell("td", error.at), cell("td", error.status), cell("td", error.reason)];
    });
    Object.keys(data.controls).forEach(function (step) {
      const control = root.querySelector('[data-control="' + step + '"]');
      if (control && !control.contains(document.activeElement)) {
        control.hidden = !data.controls[step];
      }
    });
    return data.finished;
  }

  function schedule() {
    timer = window.setTimeout(refresh, interval);
  }

  function refresh() {
    timer = null;
    if (document.hidden) {
      return; // visibilitychange starts again
    }
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        if (!show(data)) {
          schedule();
        }
      })
      .catch(function () {
        // A logged-out session or a restarting server: try a few more times, then stop quietly.
        failures += 1;
        if (failures < 5) {
          schedule();
        }
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && timer === null) {
      refresh();
    }
  });
  schedule();
})();
