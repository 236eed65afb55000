/* intervision board: live regions, actions that count once, and the room's one clock.
 *
 * No library and no build step. The page works from the server: it swaps in the
 * regions the server sends over server-sent events, counts the phase down by the
 * server's time (never the device's clock), and sends each action with a request id
 * made when the action is made and sent again unchanged on a retry, so a tap that
 * is retried counts once. Nothing is sent while someone types.
 */
(function () {
  "use strict";

  var body = document.body;
  var base = location.pathname.replace(/\/+$/, "");
  var text = {
    lost: body.getAttribute("data-t-lost"),
    back: body.getAttribute("data-t-back"),
    sending: body.getAttribute("data-t-sending"),
    retrying: body.getAttribute("data-t-retrying"),
    sent: body.getAttribute("data-t-sent")
  };
  var version = Number(body.getAttribute("data-version")) || 0;
  var rate = Number(body.getAttribute("data-rate")) || 1;
  var title = "";
  var lastHeard = performance.now();
  var lost = false;
  var ended = false;
  var source = null;
  var warned = {};

  /* -- the server's clock ---------------------------------------------------- */

  // The server's time is estimated from its messages and performance.now(), which no
  // change of the device's clock moves. Of several messages, the one that arrived
  // fastest gives the latest estimate; a clock that jumps back (a restarted server in
  // a demo) is believed after two seconds.
  var sync = { server: Number(body.getAttribute("data-now")) || 0, at: performance.now() };

  function serverNow() {
    return sync.server + (performance.now() - sync.at) * rate;
  }

  function heard(serverMs) {
    var now = performance.now();
    if (!serverMs) return;
    var estimate = serverNow();
    if (serverMs > estimate || estimate - serverMs > 2000) {
      sync = { server: serverMs, at: now };
    }
  }

  window.boardRemaining = function () {
    var timer = document.querySelector(".timer[data-ends]");
    return timer ? Number(timer.getAttribute("data-ends")) - serverNow() : null;
  };

  function clock(ms) {
    var whole = Math.ceil(Math.abs(ms) / 1000);
    var minutes = Math.floor(whole / 60);
    var seconds = whole % 60;
    return (minutes < 10 ? "0" : "") + minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }

  function tickTimer() {
    var timer = document.querySelector(".timer[data-ends]");
    if (!timer) return;
    var ends = Number(timer.getAttribute("data-ends"));
    var total = Number(timer.getAttribute("data-total")) * 1000;
    var left = ends - serverNow();
    var over = left <= 0;
    var words = timer.getAttribute(over ? "data-over" : "data-left");
    timer.querySelector(".clock-text").textContent = words.replace("{clock}", clock(left));
    timer.classList.toggle("over", over);
    timer.classList.toggle("late", !over && left <= total * 0.2);
    var used = total > 0 ? Math.min(1, Math.max(0, 1 - left / total)) : 1;
    timer.querySelector(".used").style.width = (used * 100).toFixed(1) + "%";
    var warning = timer.querySelector(".warn");
    warning.hidden = !over;
    if (over && !warned[ends]) {
      warned[ends] = true;
      announce(timer.getAttribute("data-up"));
    }
  }

  function announce(words) {
    var region = document.getElementById("announce");
    region.textContent = "";
    window.setTimeout(function () { region.textContent = words; }, 50);
  }

  /* -- the regions ---------------------------------------------------------- */

  function fieldKey(field) {
    var form = field.form;
    var action = form ? form.getAttribute("action") + "#" + (form.querySelector("[name=action]") || {}).value : "";
    return action + ":" + field.name;
  }

  function swap(region, html, sig) {
    var kept = {};
    var open = {};
    var focused = null;
    region.querySelectorAll("textarea, input[type=text], input[type=number], select").forEach(function (field) {
      if (field.name && field.value) kept[fieldKey(field)] = field.value;
    });
    region.querySelectorAll("details[id]").forEach(function (d) { open[d.id] = d.open; });
    if (document.activeElement && region.contains(document.activeElement) && document.activeElement.name) {
      focused = fieldKey(document.activeElement);
    }
    region.innerHTML = html;
    region.setAttribute("data-sig", sig);
    region.querySelectorAll("textarea, input[type=text], input[type=number], select").forEach(function (field) {
      var key = fieldKey(field);
      if (kept[key] !== undefined) {
        if (field.tagName === "SELECT") {
          if (field.querySelector("option[value='" + CSS.escape(kept[key]) + "']")) field.value = kept[key];
        } else {
          field.value = kept[key];
        }
      }
      if (key === focused) field.focus();
    });
    region.querySelectorAll("details[id]").forEach(function (d) {
      if (open[d.id] !== undefined) d.open = open[d.id];
    });
  }

  function apply(view) {
    if (view.v < version) return;
    version = view.v;
    heard(view.now);
    rate = view.rate || rate;
    Object.keys(view.regions).forEach(function (id) {
      var region = document.getElementById(id);
      var sig = view.regions[id].sig;
      if (region && region.getAttribute("data-sig") !== sig) swap(region, view.regions[id].html, sig);
    });
    if (title && view.title !== title) announce(view.title);
    title = view.title;
    tickTimer();
  }

  function end(html) {
    ended = true;
    if (source) source.close();
    document.open();
    document.write(html);
    document.close();
  }

  /* -- the stream ------------------------------------------------------------ */

  function status(words, good) {
    var box = document.getElementById("conn");
    box.textContent = words || "";
    box.className = "conn" + (words ? (good ? " good" : " bad") : "");
  }

  function connect() {
    if (ended) return;
    source = new EventSource(base + "/events");
    source.addEventListener("view", function (e) {
      alive();
      apply(JSON.parse(e.data));
    });
    source.addEventListener("tick", function (e) {
      alive();
      heard(JSON.parse(e.data).now);
    });
    source.addEventListener("end", function (e) {
      end(JSON.parse(e.data).html);
    });
    source.onerror = function () {
      if (ended) return;
      source.close();
      connectionLost();
      window.setTimeout(connect, 1500);
    };
  }

  function alive() {
    lastHeard = performance.now();
    body.setAttribute("data-connected", "yes");
    if (lost) {
      lost = false;
      status(text.back, true);
      window.setTimeout(function () { if (!lost) status(""); }, 3000);
    }
  }

  function connectionLost() {
    body.setAttribute("data-connected", "no");
    if (!lost) {
      lost = true;
      status(text.lost, false);
    }
  }

  // A stream that went quiet without an error (a network that dropped silently): the
  // server ticks every 2 seconds, so 4.5 quiet seconds mean it is gone.
  window.setInterval(function () {
    if (ended || !source) return;
    if (performance.now() - lastHeard > 4500) {
      connectionLost();
      source.close();
      lastHeard = performance.now();
      connect();
    }
  }, 500);

  /* -- actions ---------------------------------------------------------------- */

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function formStatus(form, words, kind) {
    var box = form.querySelector(".status");
    if (!box) return;
    box.innerHTML = words || "";
    box.className = "status" + (kind ? " " + kind : "");
  }

  function busy(form, on) {
    form.querySelectorAll("button").forEach(function (b) { b.disabled = on; });
    form.setAttribute("aria-busy", on ? "true" : "false");
  }

  function send(form, fields, key, attempt) {
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: fields,
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (response) {
      return response.json().then(function (data) {
        return { status: response.status, data: data };
      }, function () {
        return { status: response.status, data: null };
      });
    }).then(function (answer) {
      if (!answer.data || answer.status >= 500 || answer.status === 409 || answer.status === 429) {
        throw new Error("retry");
      }
      busy(form, false);
      if (answer.data.ok) {
        form.querySelectorAll("textarea, input[type=text]").forEach(function (f) { f.value = ""; });
        var flash = document.getElementById("flash");
        if (form.getAttribute("action").slice(-5) === "/link") {
          flash.innerHTML = answer.data.message;
          flash.className = "flash ok";
          flash.hidden = false;
          formStatus(form, "");
        } else {
          formStatus(form, answer.data.message, "ok");
          window.setTimeout(function () {
            var box = form.querySelector(".status.ok");
            if (box) formStatus(form, "");
          }, 4000);
        }
      } else {
        formStatus(form, answer.data.message, "error");
      }
    }).catch(function () {
      formStatus(form, text.retrying, "error");
      window.setTimeout(function () { send(form, fields, key, attempt + 1); }, Math.min(4000, 500 * Math.pow(2, attempt)));
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-live")) return;
    event.preventDefault();
    var fields = new URLSearchParams(new FormData(form));
    var button = event.submitter;
    if (button && button.name) fields.set(button.name, button.value);
    var key = newKey();
    fields.set("request_id", key);
    busy(form, true);
    formStatus(form, text.sending, "");
    send(form, fields, key, 0);
  });

  window.setInterval(tickTimer, 250);
  tickTimer();
  title = (document.getElementById("where-title") || {}).textContent || "";
  connect();
})();
