// Shows every <time class="sp-time" datetime="…UTC instant…"> in the viewer's time zone and
// locale, also in parts of the page an Ajax request replaced; the UTC instant stays in the title.
(function () {
  var format = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});

  function localise() {
    document.querySelectorAll('time.sp-time[datetime]:not([data-local])').forEach(function (time) {
      var instant = new Date(time.getAttribute('datetime'));
      if (isNaN(instant.getTime())) {
        return;
      }
      time.textContent = format.format(instant);
      time.setAttribute('data-local', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localise();
    new MutationObserver(localise).observe(document.body, {childList: true, subtree: true});
  });
})();
