/* Coach CoP — widget loader (keep it small: ≤ 5 KB gzipped).
   <script src="https://COACH/widget.js" defer data-flow="familles" data-falc="true"
           data-launcher-text="Tchat avec le coach" data-color="#1d4e89" data-heading-level="2"></script>
   A launcher button in a Shadow DOM; the conversation (coach.css + coach.js) loads on first open.
   Never opens by itself; a closed panel is a closed <dialog> (not rendered, not focusable). */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.CoachCoPWidget) return;
  var base = new URL('./', script.src).href;
  var ds = script.dataset;
  var DEFAUT = '#1d4e89';

  function luminance(rgb) {
    var c = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function contraste(rgb) { return 1.05 / (luminance(rgb) + 0.05); }
  function hex(rgb) { return '#' + rgb.map(function (v) { return (Math.round(v) + 256).toString(16).slice(1); }).join(''); }

  /* White text sits on the partner colour: it must reach 4.5:1 (WCAG 1.4.3), else darken it. */
  function couleur(brute) {
    if (!brute) return DEFAUT;
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(brute.trim());
    if (!m) {
      console.warn('Coach CoP : la couleur « ' + brute + ' » n’est pas reconnue. Écrivez-la en' +
        ' hexadécimal, par exemple #1d4e89. La couleur par défaut est utilisée.');
      return DEFAUT;
    }
    var h = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    var rgb = [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); });
    var avant = contraste(rgb);
    if (avant >= 4.5) return hex(rgb);
    var f = 1, sombre = rgb;
    while (contraste(sombre) < 4.5 && f > 0) {
      f -= 0.02;
      sombre = rgb.map(function (v) { return v * f; }); // eslint-disable-line no-loop-func
    }
    var corrigee = hex(sombre);
    console.warn('Coach CoP : la couleur ' + brute + ' a un contraste de ' + avant.toFixed(2).replace('.', ',') +
      ':1 avec le texte blanc du bouton, sous le minimum de 4,5:1 (WCAG 1.4.3, RGAA 3.2). Elle est' +
      ' assombrie en ' + corrigee + ' (' + contraste(sombre).toFixed(2).replace('.', ',') + ':1) pour rester lisible.');
    return corrigee;
  }

  var options = {
    api: base,
    parcours: /^[a-z0-9][a-z0-9_-]{0,63}$/.test(ds.flow || '') ? ds.flow : undefined,
    falc: ds.falc === 'true' || ds.falc === '1' || ds.falc === 'oui',
    niveau: Math.min(5, Math.max(2, parseInt(ds.headingLevel, 10) || 2))
  };
  var texte = (ds.launcherText || '').trim() || 'Tchat avec le coach';
  var teinte = couleur(ds.color);

  var hote = document.createElement('div');
  hote.id = 'coach-cop-widget';
  hote.setAttribute('lang', 'fr');
  var ombre = hote.attachShadow({ mode: 'open' });
  var CSS = ':host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483000;' +
    'font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:max(18px,1.125rem);' +
    'line-height:1.5;--coach-couleur:' + teinte + '}' +
    '.lanceur{display:inline-flex;align-items:center;gap:.5em;min-height:48px;max-width:calc(100vw - 32px);' +
    'padding:.5em 1em;font:inherit;font-weight:700;line-height:1.3;color:#fff;background:' + teinte + ';' +
    'border:2px solid #fff;border-radius:2em;box-shadow:0 0 0 2px ' + teinte + ',0 2px 8px rgb(0 0 0/.35);' +
    'cursor:pointer;text-align:left}.lanceur svg{width:1.4em;height:1.4em;flex:none;fill:currentColor}' +
    // The coach's focus ring (coach.css), before its stylesheet comes with the first opening.
    '.lanceur:focus-visible{outline:3px solid #1d4e89;outline-offset:4px}' +
    '@media (prefers-color-scheme:dark){.lanceur:focus-visible{outline-color:#ffd866}}' +
    /* Small or short windows (phones, 400 % zoom: 320 × 200): one short row, « Tchat » and the
       icon (the icon alone if the partner's text has no « tchat »), at most 48 px high; the
       whole text stays the button's name, hidden from sight only. */
    '.court{display:none}@media (max-width:479.98px),(max-height:399.98px){' +
    '.lanceur{min-width:48px;padding:.4em .7em;justify-content:center}' +
    '.lanceur:not(.indisponible) .long{position:absolute;width:1px;height:1px;margin:-1px;' +
    'padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
    '.lanceur:not(.indisponible) .court{display:inline}}' +
    '.panneau:not([open]){display:none}';
  try {
    var feuille = new CSSStyleSheet();
    feuille.replaceSync(CSS);
    ombre.adoptedStyleSheets = [feuille];
  } catch (e) {
    hote.style.setProperty('--coach-couleur', teinte);
    feuilleCoach();
  }

  var racine = document.createElement('aside');
  racine.setAttribute('lang', 'fr');
  racine.setAttribute('aria-label', 'Tchat avec le coach CoP');
  var lanceur = document.createElement('button');
  lanceur.type = 'button';
  lanceur.className = 'lanceur';
  lanceur.setAttribute('aria-expanded', 'false');
  lanceur.setAttribute('aria-controls', 'coach-panneau');
  var NS = 'http://www.w3.org/2000/svg';
  var svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  var trace = document.createElementNS(NS, 'path');
  trace.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z');
  svg.appendChild(trace);
  var etiquette = document.createElement('span');
  etiquette.className = 'long';
  etiquette.textContent = texte;
  lanceur.appendChild(svg);
  lanceur.appendChild(etiquette);
  // Its visible short word is in the name (WCAG 2.5.3), so the name is the long text alone.
  if (/tchat/i.test(texte)) {
    var court = document.createElement('span');
    court.className = 'court';
    court.setAttribute('aria-hidden', 'true');
    court.textContent = 'Tchat';
    lanceur.appendChild(court);
  }
  var panneau = document.createElement('dialog');
  panneau.id = 'coach-panneau';
  panneau.className = 'panneau';
  racine.appendChild(panneau);
  racine.appendChild(lanceur);
  ombre.appendChild(racine);

  var petit = window.matchMedia('(max-width: 479.98px), (max-height: 399.98px)');
  var tchat = null, ouvert = false, plein = false, chargement = null;

  function feuilleCoach() {
    return new Promise(function (ok, ko) {
      var l = document.createElement('link');
      l.rel = 'stylesheet';
      l.href = base + 'coach.css';
      l.onload = ok;
      l.onerror = ko;
      ombre.insertBefore(l, ombre.firstChild);
    });
  }
  function scriptCoach() {
    if (window.CoachCoP) return Promise.resolve();
    return new Promise(function (ok, ko) {
      var s = document.createElement('script');
      s.src = base + 'coach.js';
      s.onload = ok;
      s.onerror = ko;
      document.head.appendChild(s);
    });
  }
  function charger() {
    if (!chargement) {
      chargement = Promise.all([ombre.querySelector('link') ? null : feuilleCoach(), scriptCoach()]);
      chargement.catch(function () { chargement = null; });
    }
    return chargement;
  }

  /* After a tap, the focus goes to the panel's title, never to the text field (whose virtual
     keyboard would hide the conversation). */
  function montrer(garder, touche) {
    plein = petit.matches;
    panneau.classList.toggle('plein', plein);
    tchat.pleinEcran(plein);
    if (plein) {
      panneau.setAttribute('aria-modal', 'true');
      panneau.showModal();
    } else {
      panneau.removeAttribute('aria-modal');
      panneau.show();
    }
    var titre = panneau.querySelector('#coach-titre');
    titre.tabIndex = -1;
    // On a desktop page the panel stays on the reply it showed (its body is its one scroll).
    (garder || (touche ? titre : tchat.saisie)).focus({ preventScroll: !plein });
    // Full screen with the keyboard or a mouse (400 % zoom): the reply's start, not the field
    // at the bottom, when both do not fit (coach.js, ouvertEnPlein; at the first opening,
    // once the conversation has come).
    if (plein && !garder && !touche && tchat.id) tchat.ouvertEnPlein();
  }
  function ouvrir(touche) {
    if (ouvert) return;
    ouvert = true;
    lanceur.setAttribute('aria-expanded', 'true');
    charger().then(function () {
      if (!ouvert) return;
      if (!tchat) {
        panneau.setAttribute('aria-labelledby', 'coach-titre');
        tchat = window.CoachCoP.widget(panneau, {
          api: options.api, parcours: options.parcours, falc: options.falc,
          niveau: options.niveau, fermer: fermer
        });
      }
      montrer(null, touche === true);
    }, function () {
      ouvert = false;
      lanceur.setAttribute('aria-expanded', 'false');
      lanceur.classList.add('indisponible');
      etiquette.textContent = texte + ' (indisponible pour l’instant, réessayez plus tard)';
    });
  }
  function fermer() {
    if (!ouvert) return;
    ouvert = false;
    if (tchat) tchat.arreterLecture();
    if (panneau.open) panneau.close();
    lanceur.setAttribute('aria-expanded', 'false');
    lanceur.focus();
  }

  lanceur.addEventListener('click', function (e) {
    if (ouvert) fermer();
    else ouvrir(e.detail > 0 && (e.pointerType === 'touch' || e.pointerType === 'pen'));
  });
  panneau.addEventListener('cancel', function (e) { e.preventDefault(); fermer(); });
  panneau.addEventListener('keydown', function (e) {
    if (e.target.closest('.confirmation')) return;
    if (e.key === 'Escape' && !e.isComposing) {
      e.preventDefault();
      fermer();
    } else if (e.key === 'Tab' && plein) {
      /* Modal (small screen): Tab cycles inside the panel; the page behind is inert. */
      var f = Array.prototype.filter.call(
        panneau.querySelectorAll('button, [href], textarea, select, input, [tabindex="0"]'),
        function (x) { return x.getClientRects().length && !x.closest('.confirmation'); });
      var actif = ombre.activeElement;
      if (e.shiftKey && actif === f[0]) { e.preventDefault(); f[f.length - 1].focus(); }
      else if (!e.shiftKey && actif === f[f.length - 1]) { e.preventDefault(); f[0].focus(); }
    }
  });
  var changer = function () {
    if (!ouvert || !panneau.open || petit.matches === plein) return;
    var actif = ombre.activeElement;
    panneau.close();
    montrer(actif);
  };
  if (petit.addEventListener) petit.addEventListener('change', changer);

  /* For the partner's own « Accéder au tchat » link: call only on a user action. */
  window.CoachCoPWidget = { ouvrir: ouvrir, fermer: fermer, hote: hote };
  if (document.body) document.body.appendChild(hote);
  else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(hote); });
})();
