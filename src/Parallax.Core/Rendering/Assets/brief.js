(function () {
  function spans(el) {
    return (el.getAttribute('data-spans') || '').split(' ').filter(Boolean).map(function (s) {
      var i = s.lastIndexOf(':'); var r = s.slice(i + 1).split('-');
      return { a: s.slice(0, i), s: +r[0], e: +r[1] };
    });
  }
  function light(el, on) {
    var first = null;
    spans(el).forEach(function (sp) {
      document.querySelectorAll('span[data-a="' + sp.a + '"]').forEach(function (seg) {
        var s = +seg.getAttribute('data-s'), e = +seg.getAttribute('data-e');
        if (s >= sp.s && e <= sp.e) { seg.classList.toggle('hl', on); if (!first) first = seg; }
      });
    });
    return first;
  }
  var max = 3;
  function pickers(story) { return story ? story.querySelectorAll('.pick input[type=checkbox]') : []; }
  function apply(story) {
    var chosen = {};
    pickers(story).forEach(function (box) { chosen[box.value] = box.checked; });
    story.querySelectorAll('.sources > .source').forEach(function (panel) {
      panel.hidden = chosen[panel.getAttribute('data-source')] === false;
    });
  }
  function show(panel) {
    if (!panel || !panel.hidden) return;
    var story = panel.closest('article.story'), boxes = Array.prototype.slice.call(pickers(story));
    var checked = boxes.filter(function (b) { return b.checked; });
    if (checked.length >= max) checked[checked.length - 1].checked = false;
    boxes.forEach(function (b) { if (b.value === panel.getAttribute('data-source')) b.checked = true; });
    apply(story);
  }
  document.querySelectorAll('article.story').forEach(function (story) {
    var boxes = pickers(story);
    boxes.forEach(function (box) {
      box.addEventListener('change', function () {
        var checked = Array.prototype.filter.call(boxes, function (b) { return b.checked; });
        if (checked.length > max) box.checked = false;
        if (checked.length === 0) box.checked = true;
        apply(story);
      });
    });
    if (boxes.length) apply(story);
  });
  var pinned = null;
  document.querySelectorAll('a.cite').forEach(function (a) {
    a.addEventListener('mouseenter', function () { light(a, true); });
    a.addEventListener('mouseleave', function () { if (pinned !== a) light(a, false); });
    a.addEventListener('focus', function () { light(a, true); });
    a.addEventListener('blur', function () { if (pinned !== a) light(a, false); });
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      if (pinned) light(pinned, false);
      pinned = a;
      var panel = document.querySelector(a.getAttribute('href'));
      show(panel);
      var first = light(a, true);
      var target = first || panel;
      if (target) target.scrollIntoView({ behavior: 'smooth', block: 'center' });
      if (panel) panel.focus({ preventScroll: true });
    });
  });
  document.querySelectorAll('a.jump').forEach(function (a) {
    a.addEventListener('click', function () { show(document.querySelector(a.getAttribute('href'))); });
  });
})();
