// Dayfinder: the "Read this page aloud" button.
//
// Uses the browser's own speech synthesis (nothing is sent anywhere). The button is in the
// page hidden; this script shows it only where the browser can speak. The page works
// fully without it. Plain JavaScript, kept out of the wasm bundle on purpose.
(function () {
  'use strict';
  var synth = window.speechSynthesis;
  var button = document.getElementById('read-aloud');
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function' || !button) {
    return;
  }
  var label = button.querySelector('.read-aloud__label');
  var START = 'Read this page aloud';
  var STOP = 'Stop reading';

  function show(reading) {
    if (label) {
      label.textContent = reading ? STOP : START;
    }
  }

  function stop() {
    synth.cancel();
    show(false);
  }

  // The page's main content as people see it, without parts hidden from everyone.
  function mainText() {
    var main = document.getElementById('main-content');
    return main ? main.innerText.replace(/\s+\n/g, '\n').trim() : '';
  }

  button.addEventListener('click', function () {
    if (synth.speaking || synth.pending) {
      stop();
      return;
    }
    var text = mainText();
    if (!text) {
      return;
    }
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || 'en-GB';
    utterance.rate = 0.9;
    utterance.onend = function () { show(false); };
    utterance.onerror = function () { show(false); };
    synth.cancel();
    synth.speak(utterance);
    show(true);
  });

  // Stop when leaving the page, or moving to another page without a reload.
  window.addEventListener('pagehide', stop);
  window.addEventListener('popstate', stop);
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link && synth.speaking) {
      stop();
    }
  });

  show(false);
  button.hidden = false;
})();
