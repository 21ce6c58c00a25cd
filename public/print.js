// Shows the "Print this page" button on the print sheet and makes it print. Without
// JavaScript the button stays hidden and the page says how to print from the browser.
(function () {
  var button = document.querySelector('[data-print]');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
})();
