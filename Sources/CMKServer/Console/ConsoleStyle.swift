/// The console's stylesheet and script, embedded: no build step, no external fonts, scripts or CDNs.
enum ConsoleStyle {
    static let css = """
        :root { --blue: #0f6cbd; --red: #c50f1f; --green: #107c10; --grey: #616161; --line: #d1d1d1; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #242424; background: #faf9f8; }
        a { color: var(--blue); }
        a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 2px solid var(--blue); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        header.top { background: #1b1a19; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
        header.top a { color: #fff; text-decoration: none; } header.top .brand { font-weight: 600; }
        nav.main { display: flex; gap: 12px; flex-wrap: wrap; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px; }
        .crumbs { color: var(--grey); font-size: 13px; margin-bottom: 8px; }
        h1 { font-size: 22px; margin: 4px 0 12px; } h2 { font-size: 17px; margin: 20px 0 8px; }
        .layout { display: flex; gap: 16px; flex-wrap: wrap; }
        .layout nav.blade { flex: 0 0 190px; background: #fff; border: 1px solid var(--line); padding: 8px; }
        .layout nav.blade ul { list-style: none; margin: 0; padding: 0; } .layout nav.blade li { margin: 4px 0; }
        .layout nav.blade .group { font-weight: 600; color: var(--grey); margin-top: 10px; }
        .layout .content { flex: 1 1 480px; min-width: 0; }
        .panel { background: #fff; border: 1px solid var(--line); padding: 16px; margin-bottom: 16px; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        .field { margin: 0 0 12px; border: 0; padding: 0; } .field label, .field legend { display: block; font-weight: 600; margin-bottom: 4px; }
        .choice label { display: inline; font-weight: normal; margin-left: 4px; }
        .checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 2px 12px; }
        .checks legend { grid-column: 1 / -1; }
        input[type=text], select { width: 100%; max-width: 480px; padding: 6px; border: 1px solid #8a8886; background: #fff; }
        .hint { color: var(--grey); font-size: 12px; margin: 2px 0 0; }
        .req { color: var(--red); }
        button, a.button { display: inline-block; padding: 6px 14px; border: 1px solid var(--blue); background: #fff; color: var(--blue); cursor: pointer; text-decoration: none; font: inherit; }
        button.primary, a.button.primary { background: var(--blue); color: #fff; }
        .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 12px 0; }
        .toolbar { margin: 0 0 12px; }
        .notice { border-left: 4px solid var(--green); background: #dff6dd; padding: 8px 12px; margin-bottom: 12px; }
        .error { border-left: 4px solid var(--red); background: #fde7e9; padding: 8px 12px; margin-bottom: 12px; white-space: pre-wrap; }
        .tabs { display: flex; gap: 16px; border-bottom: 1px solid var(--line); margin-bottom: 12px; }
        .tabs a { padding: 6px 0; } .tabs a.on { font-weight: 600; border-bottom: 2px solid var(--blue); }
        dl.props { display: grid; grid-template-columns: minmax(140px, 220px) 1fr; gap: 6px 12px; margin: 0; }
        dl.props dt { color: var(--grey); } dl.props dd { margin: 0; overflow-wrap: anywhere; }
        .copy { display: flex; gap: 6px; max-width: 720px; } .copy input { flex: 1; }
        .ok { color: var(--green); font-weight: 600; } .bad { color: var(--red); font-weight: 600; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        svg.estate { width: 100%; height: auto; background: #fff; border: 1px solid var(--line); }
        .fix { background: #f3f2f1; padding: 4px 6px; display: block; margin-top: 4px; overflow-wrap: anywhere; }
        @media (max-width: 700px) { .layout nav.blade { flex-basis: 100%; } dl.props { grid-template-columns: 1fr; } }
        """

    /// Copy buttons, and the estate view's refresh (the page works without it).
    static let script = """
        document.addEventListener('click', function (event) {
          var button = event.target.closest('[data-copy]');
          if (!button) return;
          var field = document.getElementById(button.getAttribute('data-copy'));
          field.select();
          if (navigator.clipboard) { navigator.clipboard.writeText(field.value).catch(function () {}); }
          else { document.execCommand('copy'); }
          button.textContent = 'Copied';
        });
        (function () {
          var live = document.querySelector('[data-refresh]');
          if (!live) return;
          var shown = null;
          setInterval(function () {
            fetch(live.getAttribute('data-refresh'), { credentials: 'same-origin' })
              .then(function (response) { return response.ok ? response.text() : null; })
              .then(function (text) {
                // Replaced only when the server's picture changed, so focus and reading are not disturbed.
                if (text === null) return;
                if (shown !== null && text !== shown) { live.innerHTML = text; }
                shown = text;
              })
              .catch(function () {});
          }, 2000);
        })();
        """
}
