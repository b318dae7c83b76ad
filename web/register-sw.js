// Registers Apostil's service worker (offline use) and tells the page when a new version is
// ready. Does nothing on file:// (the single-file build) or where service workers are missing.
//
// Contract for the app (window events and a global):
//   'apostil:offline-ready'  first install finished: the page now works without the network.
//   'apostil:update-ready'   a new build is downloaded and waiting. Cancelable: call
//                            event.preventDefault() to show your own UI instead of the default
//                            banner ([data-testid="update-banner"]).
//   window.apostilUpdate = { ready: boolean, apply(): void }
//                            apply() switches to the new build and reloads the page.
(function () {
  'use strict';
  var state = { ready: false, apply: function () {} };
  window.apostilUpdate = state;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;

  function banner() {
    if (document.querySelector('[data-testid="update-banner"]')) return;
    var box = document.createElement('div');
    box.className = 'apostil-update';
    box.setAttribute('role', 'status');
    box.setAttribute('data-testid', 'update-banner');
    box.textContent = 'A new version of Apostil is ready. ';
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Reload';
    b.setAttribute('data-testid', 'update-reload');
    b.addEventListener('click', function () { state.apply(); });
    box.appendChild(b);
    document.body.appendChild(box);
  }

  function waiting(worker) {
    state.ready = true;
    state.apply = function () {
      var reloaded = false;
      navigator.serviceWorker.addEventListener('controllerchange', function () {
        if (!reloaded) { reloaded = true; location.reload(); }
      });
      worker.postMessage({ type: 'apostil:skip-waiting' });
    };
    var ev = new CustomEvent('apostil:update-ready', { cancelable: true });
    if (window.dispatchEvent(ev)) banner();
  }

  function watch(reg) {
    if (reg.waiting && navigator.serviceWorker.controller) waiting(reg.waiting);
    reg.addEventListener('updatefound', function () {
      var w = reg.installing;
      if (!w) return;
      w.addEventListener('statechange', function () {
        if (w.state !== 'installed') return;
        if (navigator.serviceWorker.controller) waiting(w);
        else window.dispatchEvent(new CustomEvent('apostil:offline-ready'));
      });
    });
  }

  function register() {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).then(function (reg) {
      watch(reg);
      // Look for a new deploy when the page comes back to the foreground.
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') reg.update().catch(function () {});
      });
    }).catch(function (e) { console.warn('Apostil: offline support unavailable:', e); });
  }

  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
