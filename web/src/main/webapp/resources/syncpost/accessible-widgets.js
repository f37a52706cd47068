// Two PrimeFaces renderings that axe-core rates serious, set right in the browser:
// - messages list each message as <li role="alert">, which is no longer a list item inside its <ul>
//   (axe-core: list); the messages' container is already aria-live, so the role only breaks the list.
// - the date picker button is named "ui-button" by its hidden text, which neither says what
// it does nor matches its label (axe-core: label-content-name-mismatch); name it, also for pickers
// that Ajax renders later.
(function () {
  var NAME = 'Choose a date';
  function nameTriggers(root) {
    root.querySelectorAll('.ui-datepicker-trigger').forEach(function (button) {
      if (button.getAttribute('aria-label') !== NAME) {
        button.setAttribute('aria-label', NAME);
        button.setAttribute('title', NAME);
        var text = button.querySelector('.ui-button-text');
        if (text) {
          text.textContent = NAME;
        }
      }
    });
  }
  function listMessages(root) {
    root.querySelectorAll('.ui-messages li[role="alert"]').forEach(function (item) {
      item.removeAttribute('role');
      item.removeAttribute('aria-atomic');
    });
  }
  function fix(root) {
    nameTriggers(root);
    listMessages(root);
  }
  document.addEventListener('DOMContentLoaded', function () {
    fix(document);
    new MutationObserver(function () {
      fix(document);
    }).observe(document.body, {childList: true, subtree: true});
  });
})();
