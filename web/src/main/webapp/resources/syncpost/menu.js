// Under ~900 px the side menu hides behind the header's menu button (admin.css); the button
// opens and closes it and says so to assistive technology.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('menuToggle');
  if (!button) {
    return;
  }
  button.addEventListener('click', function () {
    var open = document.body.classList.toggle('sp-nav-open');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
