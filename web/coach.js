/* Coach CoP — the conversation client, shared by the page (/) and the widget (widget.js).
   No framework, no build step, no inline style (CSP). Everything the person reads is French.
   Rules: docs/accessibilite.md — non-live history, ONE polite announcer, focus stays in the field. */
(function () {
  'use strict';

  var PREFIXE = 'coach-cop.';
  var TAILLES = [-1, 0, 1, 2, 3, 4];
  var DELAI_ECRIT = 1500;
  var LONGUE = 600;
  var TITRE_BROUILLON = 'Mon brouillon de feuille de route et de charte';
  var MERCI = 'Merci pour votre avis.';
  // The question under an advice, in standard French and in easy-to-read words: no inverted
  // subject in easy-to-read (« aide-t-il » was also cut after « aide-t- » at 320 px).
  var QUESTION_AVIS = ['Ce conseil vous aide-t-il ?', 'Ce conseil vous aide ?'];
  // The keyboard hint under the field, in standard French and in easy-to-read words.
  // The easy-to-read one in two short lines: each a verb and its key, the key first heard
  // (in the widget it shares its first line with the field's label: three lines were too many).
  var AIDE_CLAVIER = ['Entrée : envoyer. Maj + Entrée : aller à la ligne.',
    'Appuyez sur Entrée pour envoyer.\nAppuyez sur Maj et Entrée pour aller à la ligne.'];
  /* The interface's words (the note under the tchat, « Plus d’options », the confirmations,
     the privacy link), each [standard, easy-to-read]: written here by the server from
     coach/api/interface.yaml (coach/api/webfiles.py), the pages without JavaScript's source
     too. An element with `data-texte="key"` shows its key's text in the conversation's
     language (afficherFalc). */
  var TEXTES = {};
  // Touch screens without a mouse: no physical keyboard to speak of, the hint would not help.
  var TACTILE = '(hover: none) and (pointer: coarse)';

  function lire(cle) { try { return localStorage.getItem(PREFIXE + cle); } catch (e) { return null; } }
  function ecrire(cle, valeur) {
    try {
      if (valeur === null || valeur === undefined) localStorage.removeItem(PREFIXE + cle);
      else localStorage.setItem(PREFIXE + cle, String(valeur));
    } catch (e) { /* private mode: nothing to keep, nothing breaks */ }
  }
  function aleatoire() {
    var octets = new Uint8Array(16);
    crypto.getRandomValues(octets);
    return Array.prototype.map.call(octets, function (o) { return (o + 256).toString(16).slice(1); }).join('');
  }
  // French spacing: no-break spaces before ? ! ; : and inside « » so they never wrap alone.
  function typo(t) {
    return t.replace(/ ([?!;])/g, '\u202f$1').replace(/ (:)(?=\s|$)/g, '\u00a0$1')
      .replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/(\d) h\b/g, '$1\u00a0h');
  }

  /* What a person can tap in the coach's words: a web address, an e-mail, a French phone
     number (the deployer's contacts and communities); the same patterns as the pages
     without JavaScript (coach/api/pages/conversation.py, REACHABLE), checked against one
     table (tests/data/links.yaml). Letters and digits of any language in an e-mail, as
     Python's \w (JavaScript's \w is ASCII only); a phone number's digits are ASCII. */
  var JOIGNABLE = /(https?:\/\/[^\s<>«»"]+[^\s<>«»".,;:!?)])|([\p{L}\p{N}_.+-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)|((?:\+33[\s.]?|0)[1-9](?:[\s.\u00a0]?\d{2}){4}(?!\d))/gu;

  /* The name of the proposed answers' group (a screen reader says it each time the focus
     enters the group, after the message was read whole): the last question of the coach's
     last message; else that message when it is one short sentence (« Choisissez une
     réponse dans la liste. »); else « Réponses proposées », never a paragraph read twice.
     A question quoted inside a sentence (« Comment m’aidez-vous ? ») is not the one asked.
     null: the message itself names the group. */
  var REPONSES = 'Réponses proposées';
  var NOM_COURT = 80;
  function nomDesChoix(texte) {
    var phrases = [];
    texte.split(/\n+/).forEach(function (ligne) {
      (ligne.match(/[^.!?…]+(?:[.!?…]+[\s\u00a0\u202f»]*|$)/g) || []).forEach(function (p) {
        p = p.trim();
        if (/[\p{L}\p{N}]/u.test(p)) phrases.push(p);
      });
    });
    for (var i = phrases.length - 1; i >= 0; i--) {
      if (/\?$/.test(phrases[i]) && phrases[i].indexOf('«') < 0) {
        return phrases.length === 1 ? null : phrases[i];
      }
    }
    return phrases.length === 1 && phrases[0].length <= NOM_COURT ? null : REPONSES;
  }

  /* A word with a hyphen (« sous-titres », « Avez-vous »), with the brackets around it and
     the punctuation that follows it, in a span: in easy-to-read, where a word is never cut,
     it moves to the next line whole rather than being cut after its hyphen (« sous- » /
     « titres. » at 320 px; coach.css, .falc .mot) or away from its brackets (« 59 ( » /
     « Hauts-de-France) »); only a word wider than the whole line breaks. */
  var MOT_TIRET = /[(\[]?[\p{L}\p{N}’']+(?:-[\p{L}\p{N}’']+)+[)\].,;:!?…»\u00a0\u202f]*/gu;
  function avecMots(parent, texte) {
    var d = parent.ownerDocument, dernier = 0, m;
    MOT_TIRET.lastIndex = 0;
    while ((m = MOT_TIRET.exec(texte))) {
      if (m.index > dernier) parent.appendChild(d.createTextNode(texte.slice(dernier, m.index)));
      parent.appendChild(el(d, 'span', 'mot', m[0]));
      dernier = m.index + m[0].length;
    }
    if (dernier < texte.length) parent.appendChild(d.createTextNode(texte.slice(dernier)));
  }

  function avecLiens(span, texte) {
    var d = span.ownerDocument, dernier = 0, m;
    JOIGNABLE.lastIndex = 0;
    while ((m = JOIGNABLE.exec(texte))) {
      var avant = texte.charAt(m.index - 1);
      // Glued to a digit or a « + »: not a number (Python's look-behind); try again from the
      // next character, as Python does.
      if (m[3] && (/\d|\+/.test(avant))) { JOIGNABLE.lastIndex = m.index + 1; continue; }
      avecMots(span, texte.slice(dernier, m.index));
      var a = el(d, 'a', null, m[3] ? m[0] : null);
      a.href = m[1] ? m[0] : m[2] ? 'mailto:' + m[0] : 'tel:' + m[0].replace(/[\s.\u00a0]/g, '');
      if (m[2]) {
        // An address too wide for the line is cut after its « @ », never inside a word.
        var arobase = m[0].indexOf('@') + 1;
        a.appendChild(d.createTextNode(m[0].slice(0, arobase)));
        a.appendChild(d.createElement('wbr'));
        a.appendChild(d.createTextNode(m[0].slice(arobase)));
      }
      if (m[1]) {
        // A web address too wide for the line is cut after a « / » (« https:// » whole).
        m[0].match(/[^\/]*\/+|[^\/]+$/g).forEach(function (morceau, i) {
          if (i) a.appendChild(d.createElement('wbr'));
          a.appendChild(d.createTextNode(morceau));
        });
      }
      // A phone number, an address or a site starts a line rather than being cut (coach.css,
      // .joignable), a 44 px target, with the punctuation that follows it: « . » never
      // alone on a line.
      var bloc = el(d, 'span', m[1] ? 'joignable site' : 'joignable');
      bloc.appendChild(a);
      dernier = m.index + m[0].length;
      var signe = /^[.,;:!?…)»\u00a0\u202f]+/.exec(texte.slice(dernier));
      if (signe) {
        bloc.appendChild(d.createTextNode(signe[0]));
        dernier += signe[0].length;
      }
      span.appendChild(bloc);
    }
    avecMots(span, texte.slice(dernier));
    return span;
  }

  function el(doc, nom, classe, texte) {
    var e = doc.createElement(nom);
    if (classe) e.className = classe;
    if (texte) e.textContent = texte;
    return e;
  }
  /* A titled group of three links, one per format (printable page, Word, OpenDocument). */
  var FORMATS = ['html', 'docx', 'odt'];
  function groupeLiens(d, classe, niveau, titreId, titreTexte, lien) {
    var g = el(d, 'div', classe), ul = el(d, 'ul', 'rangee');
    var titre = el(d, 'h' + Math.min(6, niveau), 'brouillon-titre', titreTexte);
    titre.id = titreId;
    g.setAttribute('role', 'group');
    g.setAttribute('aria-labelledby', titreId);
    FORMATS.forEach(function (format) {
      var li = el(d, 'li'), a = lien(format);
      if (format === 'html') { a.target = '_blank'; a.rel = 'noopener'; }
      li.appendChild(a);
      ul.appendChild(li);
    });
    g.appendChild(titre);
    g.appendChild(ul);
    return g;
  }
  /* « Mon brouillon… » (hrefs set by majBrouillon). */
  var NOMS_BROUILLON = {html: 'Voir (nouvelle fenêtre)', docx: 'Télécharger en Word (.docx)',
    odt: 'Télécharger en OpenDocument (.odt)'};
  function blocBrouillon(d, niveau, id) {
    return groupeLiens(d, 'brouillon-liens', niveau, id, TITRE_BROUILLON, function (format) {
      var a = el(d, 'a', 'bouton-lien', NOMS_BROUILLON[format]);
      a.setAttribute('data-format', format);
      return a;
    });
  }
  /* A blank tool to fill in (GET …/outils/{id}): link names say the tool and the format;
     the files are in the conversation's language. */
  var NOMS_OUTIL = {html: 'Voir pour imprimer (nouvelle fenêtre)', docx: 'Word (.docx)',
    odt: 'OpenDocument (.odt)'};
  function blocOutil(d, niveau, outil, falc, api) {
    var g = groupeLiens(d, 'brouillon-liens outil-liens', niveau, 'titre-outil-' + outil.id,
      typo('L’outil à remplir : ' + outil.title), function (format) {
        var a = el(d, 'a', 'bouton-lien');
        a.appendChild(el(d, 'span', 'visually-hidden', outil.title + ' : '));
        a.appendChild(d.createTextNode(NOMS_OUTIL[format]));
        a.href = api + 'api/v1/outils/' + encodeURIComponent(outil.id) + '?format=' + format +
          '&falc=' + (falc ? 'true' : 'false');
        return a;
      });
    g.setAttribute('data-outil', outil.id);
    return g;
  }
  /* Plain text for speech and announcements: FALC lines become sentences. */
  function simple(texte) {
    return String(texte).split('\n').map(function (l) { return l.trim(); }).filter(Boolean)
      .map(function (l) { return /[.!?…:;]$/.test(l) ? l : l + '.'; }).join(' ');
  }
  function dit(nom, role, ref) {
    if (role !== 'bot') return ref === 'texte' ? 'Vous avez écrit : ' : 'Vous avez choisi : ';
    return nom + ' dit : ';
  }
  // « 14 h 32 », in the person's own time zone.
  function heure(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return d.getHours() + '\u00a0h\u00a0' + String(d.getMinutes()).padStart(2, '0');
  }
  function titreMessage(nom, role) {
    if (role !== 'bot') return 'Votre message';
    if (/^Le /.test(nom)) return 'Message du ' + nom.slice(3);
    if (/^La /.test(nom)) return 'Message de la ' + nom.slice(3);
    return (/^[aeiouyéèêàâîôûh]/i.test(nom) ? 'Message d’' : 'Message de ') + nom;
  }
  /* Sentences of at most ~200 characters (Chrome cuts an utterance after about 15 s). */
  function phrases(texte) {
    var morceaux = simple(texte).match(/[^.!?…]+[.!?…]*/g) || [];
    var sortie = [];
    morceaux.forEach(function (m) {
      m = m.trim();
      while (m.length > 200) {
        var coupe = m.lastIndexOf(',', 200);
        if (coupe < 60) coupe = m.lastIndexOf(' ', 200);
        if (coupe < 1) coupe = 200;
        sortie.push(m.slice(0, coupe + 1).trim());
        m = m.slice(coupe + 1).trim();
      }
      if (m) sortie.push(m);
    });
    return sortie;
  }
  function voixFrancaise() {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) return null;
    var voix = window.speechSynthesis.getVoices().filter(function (v) {
      return /^fr([-_]|$)/i.test(v.lang || '');
    });
    voix.sort(function (a, b) {
      return (b.localService ? 2 : 0) + (/^fr[-_]FR/i.test(b.lang) ? 1 : 0)
        - (a.localService ? 2 : 0) - (/^fr[-_]FR/i.test(a.lang) ? 1 : 0);
    });
    return voix[0] || null;
  }

  /* The conversation's markup, for the widget: the server writes here the part of index.html
     between <!--tchat--> and <!--/tchat--> when it reads the files (coach/api/webfiles.py),
     so that the page and the widget share one template. */
  var MODELE = '';

  function Tchat(racine, options) {
    this.racine = racine;
    this.doc = racine.ownerDocument;
    this.o = options;
    this.api = options.api;
    this.id = null;
    this.falc = !!options.falc;
    this.occupe = false;
    this.attente = null;
    this.lecture = null;
    this.tailleIndex = Math.max(0, TAILLES.indexOf(Number(lire('taille')) || 0));
    // The widget moves a few buttons into its panel's header: look there too.
    var q = function (s) { return racine.querySelector(s) || racine.parentNode.querySelector(s); };
    this.q = q;
    this.liste = q('.messages');
    this.journal = q('.journal');
    this.choix = q('.choix');
    this.saisie = q('textarea');
    this.erreur = q('.erreur');
    this.reessayer = q('.reessayer');
    this.envoi = q('.envoi');
    this.annonces = q('.annonces');
    this.ecrit = q('.ecrit');
    this.niveau = Number(this.liste.getAttribute('data-niveau')) || 3;
    q('.place-brouillon').appendChild(blocBrouillon(this.doc, this.niveau - (options.widget ? 0 : 1),
      'titre-brouillon'));
  }

  Tchat.prototype.demarrerTout = function () {
    var t = this, q = this.q;
    this.appliquerTaille();
    this.saisie.value = lire('brouillon') || '';
    q('#pref-focus').checked = lire('focus') === '1';
    q('#vitesse').value = lire('vitesse') || '1';
    /* A touch (or pen) is told from a mouse and from the keyboard, so that a tap never puts
       the focus in the text field (the virtual keyboard would cover the reply). */
    this.racine.addEventListener('pointerdown', function (e) { t.pointeur = e.pointerType; }, true);
    this.racine.addEventListener('keydown', function () { t.pointeur = 'clavier'; }, true);
    q('.formulaire').addEventListener('submit', function (e) {
      e.preventDefault();
      t.envoyerTexte(!!e.submitter && t.parToucher());
    });
    this.saisie.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); t.envoyerTexte(); }
    });
    this.saisie.addEventListener('input', function () { ecrire('brouillon', t.saisie.value || null); });
    this.reessayer.addEventListener('click', function (e) { t.reprendre(e); });
    q('.falc-bouton').addEventListener('click', function () { t.basculerFalc(); });
    var ob = q('.options-bouton') || this.racine.parentNode.querySelector('.options-bouton');
    ob.addEventListener('click', function (e) {
      var ouvert = ob.getAttribute('aria-expanded') === 'true';
      ob.setAttribute('aria-expanded', String(!ouvert));
      q('.options').hidden = ouvert;
      /* Closed with a tap on a phone (the page is the one scroll; the button is at its top,
         the current reply screens below): back to the reply's start, as after « Facile à
         lire ». The widget does the same in its own listener (coach.js, widget). */
      if (ouvert && !t.o.widget && t.parToucher(e)) t.reponseEnVue();
    });
    q('.moins').addEventListener('click', function () { t.taille(-1); });
    q('.plus').addEventListener('click', function () { t.taille(1); });
    q('#pref-focus').addEventListener('change', function (e) { ecrire('focus', e.target.checked ? '1' : null); });
    q('#vitesse').addEventListener('change', function (e) { ecrire('vitesse', e.target.value); });
    q('.telecharger').addEventListener('click', function () { t.telecharger(); });
    var imp = q('.imprimer');
    if (imp.tagName === 'BUTTON') imp.addEventListener('click', function () { window.print(); });
    q('.recommencer').addEventListener('click', function (e) {
      t.confirmer(e.currentTarget, 'recommencer', function () { t.jouer({ choice: 'recommencer' }, 'Recommencer'); });
    });
    q('.supprimer').addEventListener('click', function (e) { t.demanderSuppression(e.currentTarget); });
    q('.lire-derniere').addEventListener('click', function () { t.lireDerniere(); });
    /* A choice made with the keyboard keeps the focus in the text field; one made with a
       pointer (mouse, touch, pen) puts it on the reply (signaler): the field may be below
       what the widget's panel shows, and focusing it would scroll the reply away. */
    this.choix.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (b && b.getAttribute('data-choix')) {
        var pointe = t.parPointeur(e);
        if (!pointe) t.saisie.focus();
        t.jouer({ choice: b.getAttribute('data-choix') }, b.getAttribute('data-libelle'), pointe);
      }
    });
    // The command buttons are made from each step (afficherCommandes): one listener for all.
    q('.commandes-bas').addEventListener('click', function (e) {
      var b = e.target.closest('.commande');
      if (b) t.jouer({ choice: b.getAttribute('data-choix') }, b.textContent, t.parPointeur(e));
    });
    /* The reply has the focus (a short window after a keyboard choice, a tap, « Lire la
       dernière réponse »): what the person starts to type goes into the text field, not
       nowhere. Space still scrolls; screen readers keep their browse-mode letters. */
    this.liste.addEventListener('keydown', function (e) {
      if (e.target.classList.contains('msg') && e.key.length === 1 && e.key !== ' ' &&
          !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing) t.saisie.focus();
    });
    this.liste.addEventListener('click', function (e) {
      var b = e.target.closest('.tts'), avis = e.target.closest('[data-utile]');
      if (b) t.ecouter(b);
      if (avis) t.donnerAvis(avis, t.parPointeur(e));
    });
    if (window.speechSynthesis) {
      this.majVoix();
      if (window.speechSynthesis.addEventListener) {
        window.speechSynthesis.addEventListener('voiceschanged', function () { t.majVoix(); });
      }
    }
    this.afficherFalc();
    this.aideClavier();
    this.arretDuJournal();
    var racine = this.racine;
    // Until the history is there, what follows it is not shown (coach.css): it would jump
    // down when the messages arrive (layout shift).
    return this.charger().then(function () { racine.classList.remove('chargement'); });
  };

  /* Was this click a tap (touch or pen)? A keyboard activation has no pointer (detail 0). */
  Tchat.prototype.parToucher = function (e) {
    if (e && e.detail === 0) return false;
    var type = (e && e.pointerType) || this.pointeur || '';
    return type === 'touch' || type === 'pen';
  };

  /* Was this click made with a pointer, a mouse as well as a finger or a pen (not the
     keyboard, whose activation has no pointer: detail 0)? */
  Tchat.prototype.parPointeur = function (e) {
    if (!e || e.detail === 0) return false;
    var type = e.pointerType || this.pointeur || '';
    return type === 'mouse' || type === 'touch' || type === 'pen';
  };

  /* « Entrée : envoyer… » only where a keyboard is likely (not on touch-only screens). */
  Tchat.prototype.aideClavier = function () {
    var aide = this.q('#aide-saisie'), saisie = this.saisie;
    var tactile = window.matchMedia ? window.matchMedia(TACTILE) : null;
    var maj = function () {
      var cache = !!(tactile && tactile.matches);
      aide.hidden = cache;
      saisie.setAttribute('aria-describedby', cache ? 'erreur' : 'aide-saisie erreur');
    };
    maj();
    if (tactile && tactile.addEventListener) tactile.addEventListener('change', maj);
  };

  /* The history is a Tab stop only while it is itself a scrolling region (its box on a
     desktop page, once the messages overflow it): a keyboard user then needs it to scroll
     it (WCAG 2.1.1, axe scrollable-region-focusable). Elsewhere (phones, touch screens, high
     zoom, the widget's panel, a history shorter than its box) the page or the panel is the
     one scroll: as a Tab stop it was a stop for nothing, and a tap on a message focused it
     and drew the focus ring around the whole history. Checked whenever the history or its
     box changes size (new messages, easy-to-read, text size, a turned phone). */
  Tchat.prototype.arretDuJournal = function () {
    var j = this.journal;
    var maj = function () {
      var o = getComputedStyle(j).overflowY;
      if ((o === 'auto' || o === 'scroll') && j.scrollHeight > j.clientHeight + 1) j.tabIndex = 0;
      // Focused (its box just stopped scrolling): kept focusable until the focus leaves.
      else if (j.getRootNode().activeElement === j) j.tabIndex = -1;
      else j.removeAttribute('tabindex');
    };
    maj();
    j.addEventListener('blur', maj);
    if (window.ResizeObserver) {
      var suivi = new window.ResizeObserver(maj);
      suivi.observe(j);
      suivi.observe(this.liste);
    }
  };

  /* ---- talking to the API ---- */
  Tchat.prototype.requete = function (methode, chemin, corps, entetes) {
    var init = { method: methode, headers: Object.assign({ Accept: 'application/json' }, entetes || {}) };
    if (corps !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(corps);
    }
    return fetch(this.api + 'api/v1/' + chemin, init).then(function (r) {
      if (r.status === 204) return null;
      return r.json().catch(function () { return {}; }).then(function (donnees) {
        if (r.ok) return donnees;
        var err = new Error(donnees.detail || 'Le coach n’a pas pu répondre.');
        err.statut = r.status;
        err.code = donnees.code || null;
        err.attente = r.headers.get('Retry-After');
        throw err;
      });
    }, function () {
      // Said after a tapped answer, a written message, the page's loading…: « Rien n’est
      // perdu » is true of each (« Votre message est gardé » puzzled after a tap).
      var err = new Error('Le coach ne répond pas. Vérifiez votre connexion à Internet,' +
        ' puis choisissez « Réessayer ». Rien n’est perdu.');
      err.statut = 0;
      throw err;
    });
  };

  Tchat.prototype.charger = function () {
    var t = this, id = lire('conversation');
    this.afficherErreur(null);
    if (!id) return this.nouvelle(!!this.o.widget);
    return this.requete('GET', 'conversations/' + encodeURIComponent(id)).then(function (conv) {
      t.id = conv.id;
      t.toutAfficher(conv);
      var reponse = t.derniereReponse();
      if (reponse && t.liste.querySelector('.msg--moi')) t.defiler(reponse, true);
    }, function (err) {
      if (err.statut === 404) {
        ecrire('conversation', null);
        return t.nouvelle(true, 'Votre ancienne conversation n’existe plus. Une nouvelle conversation commence. ');
      }
      t.afficherErreur(err, function () { return t.charger(); });
    });
  };

  Tchat.prototype.nouvelle = function (annoncer, avant) {
    var t = this, corps = { falc: this.falc };
    if (this.o.parcours) corps.flow = this.o.parcours;
    this.liste.textContent = '';
    return this.requete('POST', 'conversations', corps).then(function (pas) {
      t.id = pas.id;
      ecrire('conversation', pas.id);
      t.toutAfficher(pas);
      if (annoncer) t.annoncer((avant || '') + t.texteReponse(pas));
      return pas;
    }, function (err) {
      t.afficherErreur(err, function () { return t.nouvelle(annoncer, avant); });
    });
  };

  Tchat.prototype.jouer = function (entree, libelle, touche) {
    if (this.occupe || !this.id) return;
    this.attente = { entree: entree, cle: aleatoire(), libelle: libelle, touche: !!touche };
    this.envoyerAttente();
  };

  Tchat.prototype.envoyerTexte = function (touche) {
    var texte = this.saisie.value.trim();
    if (this.occupe) return;
    if (!texte) {
      this.afficherErreur(new Error('Le message est vide : écrivez quelques mots ou choisissez une réponse.'));
      return;
    }
    this.jouer({ text: texte }, texte, touche);
  };

  Tchat.prototype.occuper = function (oui) {
    this.occupe = oui;
    this.saisie.readOnly = oui;
    var boutons = this.racine.querySelectorAll('.envoi, .choix button, .commande');
    Array.prototype.forEach.call(boutons, function (b) {
      if (oui) b.setAttribute('aria-disabled', 'true'); else b.removeAttribute('aria-disabled');
    });
    this.journal.setAttribute('aria-busy', String(oui));
  };

  Tchat.prototype.envoyerAttente = function () {
    var t = this, a = this.attente;
    this.afficherErreur(null);
    this.occuper(true);
    // « Votre conversation est supprimée » was about the conversation's start: it goes.
    this.q('.fait').hidden = true;
    var echo = this.ajouter({ id: 'attente', role: 'user', speaker: { name: 'Vous' }, text: a.libelle,
      ref: a.entree.text ? 'texte' : 'choix' });
    echo.classList.add('en-attente');
    this.defiler(echo);
    var minuteur = setTimeout(function () {
      t.ecrit.hidden = false;
      t.annoncer('Le coach écrit…');
    }, DELAI_ECRIT);
    this.requete('POST', 'conversations/' + encodeURIComponent(this.id) + '/turns', a.entree,
      { 'Idempotency-Key': a.cle }).then(function (pas) {
      clearTimeout(minuteur);
      t.ecrit.hidden = true;
      echo.remove();
      t.attente = null;
      t.occuper(false);
      if (a.entree.text) { t.saisie.value = ''; ecrire('brouillon', null); }
      t.recevoir(pas, a.touche);
    }, function (err) {
      clearTimeout(minuteur);
      t.ecrit.hidden = true;
      echo.remove();
      t.occuper(false);
      if (err.statut === 422) t.attente = null;
      t.afficherErreur(err, err.statut === 422 ? null : function () { t.envoyerAttente(); });
    });
  };

  Tchat.prototype.recevoir = function (pas, touche) {
    var t = this;
    this.retouche = false;
    if (pas.falc !== this.falc) {
      /* « facile à lire » typed as a command: the whole history switches. */
      this.falc = pas.falc;
      this.afficherFalc();
      return this.requete('GET', 'conversations/' + encodeURIComponent(this.id)).then(function (conv) {
        t.toutAfficher(conv);
        // The reply's first coach message (not the echo of what the person wrote).
        var li = t.derniereReponse();
        t.defiler(li, true);
        t.signaler(pas, li, touche);
      });
    }
    var premier = null;
    pas.messages.forEach(function (m) {
      if (t.liste.querySelector('#msg-' + m.id)) return;
      var li = t.ajouter(m);
      if (!premier && m.role === 'bot') premier = li;
    });
    this.placerAvis();
    this.afficherChoix(pas);
    this.afficherCommandes(pas.commands);
    this.placerBrouillon(pas);
    this.placerOutils(pas);
    this.afficherProgression(pas);
    this.defiler(premier || this.liste.lastElementChild, !!premier);
    this.signaler(pas, premier, touche);
  };

  /* One channel per reply: the focus on its first message (if the person asked for it, or
     after a tap or a click: never the text field, whose virtual keyboard would hide the reply
     and which may be out of the panel's view) or the announcer (keyboard: the focus stays in
     the field). */
  Tchat.prototype.signaler = function (pas, premier, touche) {
    if (premier && (touche || this.q('#pref-focus').checked || this.focusPerdu(premier))) {
      premier.tabIndex = -1;
      premier.focus({ preventScroll: true });
      this.enVue(premier);
    } else {
      this.annoncer(this.texteReponse(pas));
    }
  };

  /* The keyboard's focus (the text field after a choice or a message sent with Enter, a
     command) must be seen once the reply is shown (WCAG 2.4.11). If it is not, the least
     scroll brings it in (a desktop page: the history's box grew and pushed the field below
     the window); if the reply's start is then out of sight, a short window (400 % zoom:
     320 × 180 CSS px) has no room for both: the reply is brought back to the top and takes
     the focus (true), and Tab goes on from it to the proposed answers. */
  Tchat.prototype.focusPerdu = function (premier) {
    var racine = this.racine, a = racine.getRootNode().activeElement;
    if (!a || !(racine.contains(a) || racine.parentNode.contains(a))) return false;
    // Seen already (the browser scrolled the page to the field when it took the focus): the
    // reply's start is brought in beside it when there is room, the focus stays.
    if (this.vu(a, true)) {
      if (!this.vu(premier, false)) this.rapprocher(premier, a);
      return false;
    }
    a.scrollIntoView({ block: 'nearest' });
    if (this.vu(a, true) && (this.vu(premier, false) || this.rapprocher(premier, a))) return false;
    this.defiler(premier, true);
    return true;
  };

  /* The reply's start brought into the window without the focused element `a` leaving it
     (keyboard, desktop page): the page goes up as far as `a` allows, then the history's box
     scrolls so that the reply starts near the window's top (what came before it goes above,
     out of the window). The parents' real menu, six answers under the box, had pushed the
     box's top above the window: the reply began 197 px out of sight at 1280 × 800 and the
     whole box was above a 1280 × 600 window. False, and nothing moved, when there is no room
     for both (400 % zoom: the reply then takes the focus, focusPerdu). Not in the widget,
     whose panel places the reply and the field itself. */
  Tchat.prototype.rapprocher = function (li, a) {
    var j = this.journal, marge = 8, haut = window.innerHeight;
    if (this.racine.classList.contains('panneau-corps')) return false;
    var r = li.getBoundingClientRect().top, bas = a.getBoundingClientRect().bottom;
    var boiteDefile = j.scrollHeight > j.clientHeight + 1;
    var page = Math.min(window.scrollY, Math.max(0, haut - marge - bas), Math.max(0, marge - r));
    var boite = boiteDefile ? Math.max(0, Math.min(j.scrollTop, marge - r - page)) : 0;
    var apres = r + page + boite;
    var fin = boiteDefile ? Math.min(haut, j.getBoundingClientRect().bottom + page) : haut;
    if (apres < 0 || apres > fin - 48) return false;
    if (page) window.scrollBy(0, -page);
    if (boite) j.scrollTop -= boite;
    return true;
  };

  /* Does the screen show `e` (its first and last lines if `entier`, else its first line):
     in the window, not scrolled out of a panel or a box, not under a sticky bar? */
  Tchat.prototype.vu = function (e, entier) {
    var ici = e.getRootNode(), r = e.getBoundingClientRect();
    var x = Math.min(Math.max((r.left + r.right) / 2, 1), window.innerWidth - 1);
    var ligne = function (y) {
      if (y < 0 || y >= window.innerHeight) return false;
      var h = ici.elementFromPoint(x, y);
      return !!h && (h === e || e.contains(h));
    };
    return ligne(r.top + 6) && (!entier || ligne(r.bottom - 6));
  };

  /* The focused reply's start inside the window too: on a desktop page the history is a box
     in the page, which may have been scrolled down to the choices or the commands under it
     (defiler only scrolled the box). Not in the widget: its panel is placed already, the
     host's page must not move. */
  Tchat.prototype.enVue = function (li) {
    var j = this.journal, haut = li.getBoundingClientRect().top;
    if (this.racine.classList.contains('panneau-corps')) return;
    if (haut >= 0 && haut <= window.innerHeight - 48) return;
    if (j.scrollHeight > j.clientHeight + 1) j.scrollIntoView({ block: 'nearest' });
    else li.scrollIntoView({ block: 'start' });
  };

  Tchat.prototype.texteReponse = function (pas) {
    var bots = pas.messages.filter(function (m) { return m.role === 'bot'; });
    var parties = bots.map(function (m) { return dit(m.speaker.name, 'bot') + simple(m.text); });
    var texte = parties.join(' ');
    if (texte.length > LONGUE && parties.length) {
      texte = parties[0] + ' Réponse longue : utilisez « Lire la dernière réponse » pour tout lire.';
    }
    if (this.brouillonNouveau) texte += ' Les liens de votre brouillon sont sous la réponse.';
    if (this.outilsNouveaux) texte += ' Les liens de l’outil à remplir sont sous la réponse.';
    if (this.progressionNouvelle) texte += ' ' + simple(this.progression.label);
    var n = pas.choices.length;
    if (n) texte += ' ' + n + (n > 1 ? ' réponses proposées.' : ' réponse proposée.');
    return texte;
  };

  /* ---- showing ---- */
  Tchat.prototype.toutAfficher = function (conv) {
    var t = this;
    this.falc = conv.falc;
    this.afficherFalc();
    this.liste.textContent = '';
    conv.messages.forEach(function (m) { t.ajouter(m); });
    this.placerAvis();
    this.afficherProgression(conv, true);
    this.afficherChoix(conv);
    this.afficherCommandes(conv.commands);
    this.placerBrouillon(conv);
    this.majBrouillon();
    this.placerOutils(conv);
    // In a history box (desktop, widget): the start of the last reply, not its end (a new
    // conversation opens on the welcome's first words).
    this.montrerReponse(false);
  };

  /* The coordinator's draft (GET …/document): the server says where it is offered. */
  function brouillonIci(pas) {
    return Boolean(pas.draft && pas.draft.here);
  }

  /* At the end of a step, the draft links go under the step's last message: one place only
     (moved to a later step's end, never repeated; « aide » at the end does not move them). */
  Tchat.prototype.placerBrouillon = function (pas) {
    this.brouillonNouveau = false;
    this.brouillonOffert = Boolean(pas.draft && pas.draft.offered);
    this.q('.place-brouillon').hidden = !this.brouillonOffert;
    if (!brouillonIci(pas)) return;
    var ref = pas.flow + '/' + pas.node + '/', bots = this.liste.querySelectorAll('.msg--coach');
    var dernier = Array.prototype.filter.call(bots, function (li) {
      return (li.getAttribute('data-ref') || '').indexOf(ref) === 0;
    }).pop() || bots[bots.length - 1];
    var ancien = this.liste.querySelector('.brouillon-liens:not(.outil-liens)');  // not a tool's links
    if (!dernier || (ancien && dernier.contains(ancien))) return;
    if (ancien) ancien.remove();
    dernier.appendChild(blocBrouillon(this.doc, this.niveau + 1, 'titre-brouillon-fil'));
    this.brouillonNouveau = true;
    this.majBrouillon();
  };

  /* The blank tools this step presents (its `tools`), under the step's own last message;
     they stay in the history when the conversation moves on (never twice). */
  Tchat.prototype.placerOutils = function (pas) {
    var t = this, outils = pas.tools || [];
    this.outilsNouveaux = outils.length > 0;
    if (!outils.length) return;
    var ref = pas.flow + '/' + pas.node + '/', bots = this.liste.querySelectorAll('.msg--coach');
    var dernier = Array.prototype.filter.call(bots, function (li) {
      return (li.getAttribute('data-ref') || '').indexOf(ref) === 0;
    }).pop() || bots[bots.length - 1];
    if (!dernier) return;
    outils.forEach(function (o) {
      var ancien = t.liste.querySelector('[data-outil="' + o.id + '"]');
      if (ancien && dernier.contains(ancien)) return;
      if (ancien) ancien.remove();
      dernier.appendChild(blocOutil(t.doc, t.niveau + 1, o, t.falc, t.api));
    });
  };

  Tchat.prototype.majBrouillon = function () {
    var id = this.id, base = this.api + 'api/v1/conversations/' + encodeURIComponent(id || '') +
      '/document?format=';
    Array.prototype.forEach.call(this.racine.querySelectorAll('a[data-format]'), function (a) {
      if (id) a.href = base + a.getAttribute('data-format'); else a.removeAttribute('href');
    });
  };

  /* « Ce conseil vous aide-t-il ? »: answered once; remembered for this conversation, by
     message and by advice (« Revenir en arrière » may show the same advice again). */
  Tchat.prototype.avisDonnes = function () {
    try {
      var v = JSON.parse(lire('avis') || 'null');
      if (v && v.c === this.id) return { m: v.m || [], r: v.r || [] };
    } catch (e) { /* unreadable: as if nothing was answered */ }
    return { m: [], r: [] };
  };

  /* One question at most on screen, under the last advice of the conversation (two keyboard
     stops, not two per advice), and never for an advice already answered. */
  Tchat.prototype.placerAvis = function () {
    var donnes = this.avisDonnes(), liste = this.liste;
    var conseils = liste.querySelectorAll('.msg[data-conseil]'), dernier = conseils[conseils.length - 1];
    var actif = this.racine.getRootNode().activeElement;
    Array.prototype.forEach.call(liste.querySelectorAll('.avis'), function (g) {
      if (g.parentNode === dernier) return;
      if (g.contains(actif)) { g.parentNode.tabIndex = -1; g.parentNode.focus({ preventScroll: true }); }
      g.remove();
    });
    if (!dernier || dernier.querySelector('.avis, .avis-merci')) return;
    var id = dernier.id.slice(4);
    if (donnes.m.indexOf(id) >= 0 || donnes.r.indexOf(dernier.getAttribute('data-ref')) >= 0) return;
    dernier.appendChild(this.blocAvis(id));
  };

  Tchat.prototype.blocAvis = function (id) {
    var d = this.doc;
    var g = el(d, 'div', 'avis'), q = el(d, 'span', 'avis-question',
      typo(QUESTION_AVIS[this.falc ? 1 : 0]));
    q.id = 'avis-' + id;
    g.setAttribute('role', 'group');
    g.setAttribute('aria-labelledby', q.id);
    g.appendChild(q);
    [['true', 'Oui, ce conseil m’aide'], ['false', 'Non, pas vraiment']].forEach(function (r) {
      var b = el(d, 'button', 'avis-bouton', r[1]);
      b.type = 'button';
      b.setAttribute('data-utile', r[0]);
      b.setAttribute('data-message', id);
      g.appendChild(b);
    });
    return g;
  };

  Tchat.prototype.donnerAvis = function (b, touche) {
    var t = this, groupe = b.closest('.avis'), id = b.getAttribute('data-message');
    if (!this.id || groupe.getAttribute('data-envoi')) return;
    groupe.setAttribute('data-envoi', '1');
    this.requete('POST', 'conversations/' + encodeURIComponent(this.id) + '/avis',
      { message: id, utile: b.getAttribute('data-utile') === 'true' }).then(function () {
      var donnes = t.avisDonnes();
      donnes.m.push(id);
      donnes.r.push(b.closest('.msg').getAttribute('data-ref'));
      ecrire('avis', JSON.stringify({ c: t.id, m: donnes.m, r: donnes.r }));
      if (t.reprise && t.reprise.avis) t.afficherErreur(null);
      // Before the buttons go, so that focus never falls on <body>; after a tap, on the thanks.
      var merci = el(t.doc, 'p', 'avis-merci', MERCI);
      merci.tabIndex = -1;
      if (!touche) t.saisie.focus();
      groupe.replaceWith(merci);
      if (touche) merci.focus();
      t.annoncer(MERCI);
    }, function (err) {
      var reprise = function () { t.donnerAvis(b, touche); };
      reprise.avis = true;
      groupe.removeAttribute('data-envoi');
      t.afficherErreur(err, reprise);
    });
  };

  Tchat.prototype.ajouter = function (m) {
    var d = this.doc, bot = m.role === 'bot', nom = bot ? m.speaker.name : 'Vous';
    var li = el(d, 'li', 'msg ' + (bot ? 'msg--coach' : 'msg--moi'));
    var avant = this.liste.lastElementChild;
    li.id = 'msg-' + m.id;
    li.setAttribute('data-nom', nom);
    // A message that follows one of the same speaker shows no name or time again (the
    // hidden heading still says both).
    if (avant && avant.getAttribute('data-nom') === nom) li.classList.add('suite');
    if (bot) li.setAttribute('data-ref', m.ref);
    var quand = m.at ? heure(m.at) : '';
    var titre = el(d, 'h' + Math.min(6, this.niveau), 'visually-hidden',
      titreMessage(nom, m.role) + (quand ? ', ' + quand : ''));
    var auteur = el(d, 'p', 'auteur', nom);
    auteur.setAttribute('aria-hidden', 'true');
    var bulle = el(d, 'p', 'bulle');
    bulle.appendChild(el(d, 'span', 'visually-hidden', dit(nom, m.role, m.ref)));
    var texte = bot ? avecLiens(el(d, 'span', 'texte'), typo(m.text)) : el(d, 'span', 'texte', m.text);
    texte.id = 'texte-' + m.id;
    bulle.appendChild(texte);
    li.appendChild(titre);
    li.appendChild(auteur);
    li.appendChild(bulle);
    if (quand) {
      var t = el(d, 'time', 'heure', quand);
      t.setAttribute('datetime', m.at);
      li.appendChild(t);
    }
    if (bot) {
      var b = el(d, 'button', 'tts');
      b.type = 'button';
      b.hidden = !this.voix;
      this.etiqueterLecture(b, nom, false);
      li.appendChild(b);
      // « effacer mon brouillon » answered: the button that opens the same confirmation as
      // « Supprimer ma conversation » in « Plus d’options » (the server marks the message).
      if (m.delete) li.appendChild(this.blocSupprimer());
      if (m.feedback) {
        li.setAttribute('data-conseil', '1');
        if (this.avisDonnes().m.indexOf(m.id) >= 0) li.appendChild(el(d, 'p', 'avis-merci', MERCI));
      }
    }
    this.liste.appendChild(li);
    return li;
  };

  Tchat.prototype.blocSupprimer = function () {
    var t = this, p = el(this.doc, 'p', 'supprimer-ici');
    var b = el(this.doc, 'button', 'supprimer-message', typo(this.texte('supprimer')));
    b.type = 'button';
    b.setAttribute('data-texte', 'supprimer');
    b.addEventListener('click', function (e) { t.demanderSuppression(e.currentTarget); });
    p.appendChild(b);
    return p;
  };

  Tchat.prototype.afficherChoix = function (pas) {
    var d = this.doc, ul = this.choix.querySelector('ul');
    ul.textContent = '';
    var bots = this.liste.querySelectorAll('.msg--coach .texte');
    var question = bots[bots.length - 1];
    this.choix.hidden = !pas.choices.length;
    var nom = question ? nomDesChoix(question.textContent) : REPONSES;
    if (nom) {
      this.choix.removeAttribute('aria-labelledby');
      this.choix.setAttribute('aria-label', nom);
    } else {
      this.choix.removeAttribute('aria-label');
      this.choix.setAttribute('aria-labelledby', question.id);
    }
    pas.choices.forEach(function (c, i) {
      var li = el(d, 'li'), b = el(d, 'button');
      b.type = 'button';
      b.setAttribute('data-choix', c.id);
      b.setAttribute('data-libelle', c.label);
      var num = el(d, 'span', 'num', (i + 1) + '.');
      num.setAttribute('aria-hidden', 'true');
      b.appendChild(num);
      // French spacing, as in the messages: a « ? » never starts a line alone.
      b.appendChild(d.createTextNode(typo(c.label)));
      li.appendChild(b);
      ul.appendChild(li);
    });
  };

  /* The global commands' buttons, made from the step: those the server marks `shown`, in
     the order of its table (coach/engine/commands.py), labels in the conversation's
     language. A button that stays is kept (not rebuilt), so that the keyboard focus on it
     survives the turn; « Lire la dernière réponse » stays last. */
  Tchat.prototype.afficherCommandes = function (commandes) {
    var d = this.doc, ul = this.q('.commandes-bas'), derniere = ul.querySelector('.derniere');
    var avant = {}, occupe = this.occupe;
    Array.prototype.forEach.call(ul.querySelectorAll('.commande'), function (b) {
      avant[b.getAttribute('data-choix')] = b.parentNode;
    });
    var voulus = (commandes || []).filter(function (c) { return c.shown; }).map(function (c) {
      var li = avant[c.id];
      delete avant[c.id];
      if (!li) {
        li = el(d, 'li');
        var b = el(d, 'button', 'commande');
        b.type = 'button';
        b.setAttribute('data-choix', c.id);
        if (occupe) b.setAttribute('aria-disabled', 'true');
        li.appendChild(b);
      }
      var libelle = typo(c.label);
      if (li.firstChild.textContent !== libelle) li.firstChild.textContent = libelle;
      return li;
    });
    Object.keys(avant).forEach(function (id) { avant[id].remove(); });
    voulus.forEach(function (li, i) {
      if (ul.children[i] !== li) ul.insertBefore(li, ul.children[i] || derniere);
    });
  };

  Tchat.prototype.afficherFalc = function () {
    var t = this, tout = this.racine.parentNode, falc = this.falc;
    this.racine.classList.toggle('falc', falc);
    this.q('.falc-bouton').setAttribute('aria-pressed', String(falc));
    this.q('#aide-saisie').textContent = typo(AIDE_CLAVIER[falc ? 1 : 0]);
    // The interface's words around the conversation (the page's note and privacy link are
    // next to the tchat, the widget's header buttons in its panel: the parent holds both).
    Array.prototype.forEach.call(tout.querySelectorAll('[data-texte]'), function (n) {
      var texte = t.texte(n.getAttribute('data-texte'));
      if (texte) n.textContent = typo(texte);
    });
    // The privacy page in the conversation's language.
    Array.prototype.forEach.call(tout.querySelectorAll('a.lien-confidentialite'), function (a) {
      var adresse = a.getAttribute('data-adresse') || a.getAttribute('href');
      a.setAttribute('data-adresse', adresse);
      a.setAttribute('href', adresse + (falc ? '?falc=1' : ''));
    });
  };

  /* Show `li` (its start if `debut`, else its nearest edge): inside the history when it
     scrolls (desktop), in the widget's panel (its one scroll), else in the page, at the top
     (phones: one scroll, the page's) — unless `pasLaPage`: the page stays where it is. */
  Tchat.prototype.defiler = function (li, debut, pasLaPage) {
    var j = this.journal;
    if (!li) return;
    if (j.scrollHeight > j.clientHeight + 1) j.scrollTop = Math.max(0, li.offsetTop - 8);
    else if (!this.enHautDuPanneau(li) && !pasLaPage) {
      li.scrollIntoView({ block: debut || j.closest('.plein') ? 'start' : 'nearest' });
    }
  };

  /* The widget's panel on a desktop page: its body is its one scroll (the history flows in
     it); `li` goes to the top of the body. By hand, not scrollIntoView, which would also move
     the panel's own frame or the host's page. False elsewhere (page, full-screen panel). */
  Tchat.prototype.enHautDuPanneau = function (li) {
    var c = this.racine;
    if (!c.classList.contains('panneau-corps') || c.closest('.plein')) return false;
    c.scrollTop += li.getBoundingClientRect().top - c.getBoundingClientRect().top - 8;
    return true;
  };

  /* The page (phones): turned sideways or back, the message one was reading stays at the
     top of the screen. The browser keeps in place what is at the top centre of the screen,
     which deep in the conversation is the sticky « Facile à lire » switch: sideways it is no
     longer sticky, back at the top of the page, and the page went there. The message at the
     top (and how far into it) is noted as the page scrolls, and put back after a change of
     width; a change of height only (a virtual keyboard) moves nothing. */
  Tchat.prototype.garderPlace = function () {
    var t = this, largeur = window.innerWidth, repere = null;
    var enHaut = function () {
      var items = t.liste.querySelectorAll('.msg'), bas = 0, haut = items.length - 1;
      if (!items.length || window.scrollY <= 0) return null;
      // The first message whose bottom is below the screen's top (they come in order).
      while (bas < haut) {
        var milieu = (bas + haut) >> 1;
        if (items[milieu].getBoundingClientRect().bottom > 0) haut = milieu; else bas = milieu + 1;
      }
      var r = items[bas].getBoundingClientRect();
      return r.bottom > 0 ? { li: items[bas], part: Math.max(0, -r.top) / (r.height || 1), top: Math.max(0, r.top) } : null;
    };
    window.addEventListener('scroll', function () {
      if (window.innerWidth === largeur) repere = enHaut();
    }, { passive: true });
    window.addEventListener('resize', function () {
      if (window.innerWidth === largeur) return;
      largeur = window.innerWidth;
      if (!repere || !repere.li.isConnected) return;
      var r = repere.li.getBoundingClientRect();
      window.scrollBy(0, r.top + repere.part * r.height - repere.top);
      repere = enHaut();
    });
  };

  /* The page on a phone: while « Facile à lire » is stuck at the top of the screen, the strip
     it stands in is opaque across the whole width (coach.css, .falc-colle::before): the
     switch alone covered only itself, and the end of the person's own bubble, the words above
     it, showed beside it. The strip goes down to the switch's bottom and its 4 px ring. */
  Tchat.prototype.bandeFalc = function () {
    var racine = this.racine, b = this.q('.falc-bouton');
    var maj = function () {
      var r = b.getBoundingClientRect();
      var colle = window.scrollY > 0 && r.top <= 0.5 && getComputedStyle(b).position === 'sticky';
      racine.classList.toggle('falc-colle', colle);
      if (colle) racine.style.setProperty('--bande', Math.ceil(r.bottom + 4) + 'px');
    };
    window.addEventListener('scroll', maj, { passive: true });
    window.addEventListener('resize', maj);
    maj();
  };

  /* « Étape 1 sur 4 · partie 3 sur 8 »: a visible text above the history, read in the page's
     order (not a live region: it would speak at every turn). The bar is a picture of the
     same text, hidden from screen readers. A new part or stage is said once, at the end of
     the reply's announcement (texteReponse). */
  Tchat.prototype.afficherProgression = function (pas, calme) {
    var p = pas.progress, boite = this.q('.progression'), avant = this.progression;
    this.progression = p || null;
    this.progressionNouvelle = !calme && !!p && (!avant || avant.stage !== p.stage || avant.part !== p.part);
    boite.hidden = !p;
    if (!p) return;
    this.q('.progression-texte').textContent = typo(p.label);
    var barre = this.q('.progression-barre');
    barre.max = p.parts;
    barre.value = p.part;
  };

  /* The first message of the coach's last reply (after the person's last message). */
  Tchat.prototype.derniereReponse = function () {
    var items = this.liste.querySelectorAll('.msg'), premier = null;
    for (var i = items.length - 1; i >= 0 && items[i].classList.contains('msg--coach'); i--) premier = items[i];
    return premier;
  };

  /* The single announcer: cleared, then written on the next tick, then cleared again. */
  Tchat.prototype.annoncer = function (texte) {
    var a = this.annonces;
    clearTimeout(this.minuteurAnnonce);
    a.textContent = '';
    this.minuteurAnnonce = setTimeout(function () {
      a.textContent = texte;
      this.minuteurAnnonce = setTimeout(function () { a.textContent = ''; }, 7000);
    }.bind(this), 150);
  };

  Tchat.prototype.afficherErreur = function (err, reprise) {
    this.reprise = reprise || null;
    if (!err) {
      this.erreur.textContent = '';
      this.reessayer.hidden = true;
      return;
    }
    var texte = err.message;
    if (err.statut === 503 && err.attente) texte += ' (Vous pouvez réessayer dans ' + err.attente + ' secondes.)';
    if ((err.statut === 404 || err.code === 'conversation-complete') && this.id) {
      var t = this;
      this.reessayer.textContent = 'Commencer une nouvelle conversation';
      this.reprise = function () { ecrire('conversation', null); t.id = null; return t.nouvelle(true); };
    } else {
      this.reessayer.textContent = 'Réessayer';
    }
    this.erreur.textContent = typo(texte);
    this.reessayer.hidden = !this.reprise;
    // Seen where the person is: on a phone, a turn that failed after a tap left the page at
    // the tapped answer, the error and « Réessayer » a screen below it (announced, not seen:
    // the tap seemed to do nothing). The least scroll brings them in.
    var bas = this.reessayer.hidden ? this.erreur : this.reessayer;
    if (!this.vu(this.erreur, false) || !this.vu(bas, true)) bas.scrollIntoView({ block: 'nearest' });
    // « Réessayer » tapped and failed again: the finger finds it where it was, with the focus.
    var retouche = this.retouche;
    this.retouche = false;
    if (retouche && !this.reessayer.hidden) this.reessayer.focus({ preventScroll: true });
  };

  /* « Réessayer »: with the keyboard, the focus goes to the text field (the button hides while
     the coach is asked again). After a tap, never the field: its virtual keyboard opened and,
     if it failed again, covered the error and « Réessayer »; the reply takes the focus
     (signaler), or « Réessayer » again (afficherErreur). */
  Tchat.prototype.reprendre = function (e) {
    var reprise = this.reprise;
    this.retouche = this.parToucher(e);
    if (!this.retouche) this.saisie.focus();
    if (reprise) reprise();
  };

  /* ---- the person's controls ---- */
  Tchat.prototype.basculerFalc = function () {
    var t = this, voulu = !this.falc, touche = this.parToucher();
    if (!this.id || this.occupe) return;
    ecrire('falc', voulu ? '1' : null);
    this.requete('PATCH', 'conversations/' + encodeURIComponent(this.id), { falc: voulu }).then(function (conv) {
      t.toutAfficher(conv);
      t.montrerReponse(touche);
      t.annoncer(voulu ? 'Facile à lire activé : toute la conversation est en facile à lire.'
        : 'Facile à lire désactivé : toute la conversation est en français standard.');
    }, function (err) { t.afficherErreur(err, function () { t.basculerFalc(); }); });
  };

  /* After the whole history is shown (at load, easy-to-read switched): the start of the
     current reply, the coach's first message after the person's last one, in view. In the
     history's own box (desktop) and in the widget's panel (its one scroll) always; in the page
     (phones: the history was rebuilt under the switch) after a tap only, so that the
     keyboard's place stays where it is. */
  Tchat.prototype.montrerReponse = function (touche) {
    this.defiler(this.derniereReponse(), true, !touche);
  };

  /* After a tap that leaves the page (or the full-screen panel) away from the current reply:
     its start is brought back, unless it is on screen already (at the welcome, the page
     stays at its top, the title and the switches in view). */
  Tchat.prototype.reponseEnVue = function () {
    var li = this.derniereReponse();
    if (li && !this.vu(li, false)) this.montrerReponse(true);
  };

  /* The widget's full-screen panel opened with the keyboard or a mouse (widget.js): the
     focus went to the text field, at the panel's bottom. At 400 % zoom (320 × 200) the
     coach's reply then began 1 500 to 2 600 px above, « Fermer » with it: there is no room
     for both, and the reply wins, as after a reply (docs/accessibilite.md, C8c). The field
     keeps the focus only if the start of the current reply is seen beside it; else the
     reply's first message takes it, seen at the top, the panel's top (its title and
     « Fermer ») kept on screen when the reply starts there (a new conversation). A new
     conversation's reply is the welcome, just under the panel's top: the panel stays
     there as long as the welcome's first line is seen, even if only its first lines fit
     (at 320 × 200 the easy-to-read welcome began at 153 px, and scrolling it to the top
     took « Fermer » 103 px above the screen). */
  Tchat.prototype.ouvertEnPlein = function () {
    var li = this.derniereReponse(), s = this.saisie, panneau = this.racine.closest('.plein');
    var debutVu = function (t, marge) {
      return t.vu(li, false) && li.getBoundingClientRect().top <= window.innerHeight - marge;
    };
    if (!li || !panneau || this.racine.getRootNode().activeElement !== s) return;
    s.scrollIntoView({ block: 'nearest' });
    if (this.vu(s, true) && debutVu(this, 48)) return;
    panneau.scrollTop = 0;
    var nouvelle = li === this.liste.querySelector('.msg');
    if (!debutVu(this, nouvelle ? 24 : 48)) this.defiler(li, true);
    li.tabIndex = -1;
    li.focus({ preventScroll: true });
  };

  Tchat.prototype.taille = function (sens) {
    this.tailleIndex = Math.min(TAILLES.length - 1, Math.max(0, this.tailleIndex + sens));
    ecrire('taille', TAILLES[this.tailleIndex] || null);
    this.appliquerTaille();
    var pourcents = { '-1': 90, 0: 100, 1: 112, 2: 125, 3: 150, 4: 175 };
    this.annoncer('Taille du texte : ' + pourcents[TAILLES[this.tailleIndex]] + ' %.');
  };

  Tchat.prototype.appliquerTaille = function () {
    var r = this.racine;
    TAILLES.forEach(function (n) { r.classList.remove('taille-' + n); });
    if (TAILLES[this.tailleIndex]) r.classList.add('taille-' + TAILLES[this.tailleIndex]);
    this.q('.moins').setAttribute('aria-disabled', String(this.tailleIndex === 0));
    this.q('.plus').setAttribute('aria-disabled', String(this.tailleIndex === TAILLES.length - 1));
  };

  /* The coach's last reply from its first message (a reply of several bubbles: the last one
     alone skipped the others; a screen reader reads on from there). */
  Tchat.prototype.lireDerniere = function () {
    var bots = this.liste.querySelectorAll('.msg--coach');
    var dernier = this.derniereReponse() || bots[bots.length - 1];
    if (!dernier) return;
    dernier.tabIndex = -1;
    // Its start, to be read from there (by its nearest edge, a message taller than the
    // screen came in by its end, its first lines above the screen).
    this.defiler(dernier, true);
    dernier.focus({ preventScroll: true });
    this.enVue(dernier);
  };

  /* One interface text in the conversation's language (TEXTES). */
  Tchat.prototype.texte = function (cle) {
    var paire = TEXTES[cle];
    return paire ? paire[this.falc ? 1 : 0] : '';
  };

  /* « Supprimer ma conversation ? »: from « Plus d’options », or from the coach's answer to
     « effacer mon brouillon » (its own button, blocSupprimer); the focus goes back there. */
  Tchat.prototype.demanderSuppression = function (origine) {
    var t = this;
    // The coordinator's draft goes with the conversation: said when there is one.
    var texte = this.brouillonOffert ? 'supprimer-texte-brouillon' : null;
    this.confirmer(origine, 'supprimer', function (e) { t.supprimer(t.parToucher(e)); }, texte);
  };

  /* Ask before what cannot be undone; `cle` names the texts (TEXTES: cle + '-titre',
     '-texte', '-oui', '-non'; `texte`: another key for the sentence), in the conversation's
     language. `action` gets the click on « Oui » (a tap or not). */
  Tchat.prototype.confirmer = function (origine, cle, action, texte) {
    var dlg = this.q('.confirmation'), t = this;
    // French spacing, as in the messages: a « ? » never starts a line alone.
    dlg.querySelector('#conf-titre').textContent = typo(this.texte(cle + '-titre'));
    dlg.querySelector('#conf-texte').textContent = typo(this.texte(texte || cle + '-texte'));
    var bOui = dlg.querySelector('.conf-oui'), bNon = dlg.querySelector('.conf-non');
    bOui.textContent = this.texte(cle + '-oui');
    bNon.textContent = this.texte(cle + '-non');
    var fini = function (ok, e) {
      bOui.onclick = bNon.onclick = dlg.oncancel = null;
      dlg.close();
      origine.focus();
      if (ok) action.call(t, e);
    };
    bOui.onclick = function (e) { fini(true, e); };
    bNon.onclick = function () { fini(false); };
    dlg.oncancel = function (e) { e.preventDefault(); e.stopPropagation(); fini(false); };
    dlg.showModal();
    bNon.focus();
  };

  /* Deleted: « Plus d’options » closes, a visible note says it is done (above the new
     conversation, in its language) and the focus goes to the new conversation: after a tap
     its first message (never the text field, whose virtual keyboard would cover the note);
     else the text field. Each where the note is seen too; a window with no room for both
     (400 % zoom) gives the focus to the note itself. */
  Tchat.prototype.supprimer = function (touche) {
    var t = this, id = this.id;
    this.arreterLecture();
    this.requete('DELETE', 'conversations/' + encodeURIComponent(id)).catch(function (err) {
      if (err.statut !== 404) throw err;
    }).then(function () {
      ecrire('conversation', null);
      ecrire('brouillon', null);
      ecrire('avis', null);
      t.saisie.value = '';
      t.id = null;
      t.fermerOptions();
      return t.nouvelle(false).then(function (pas) { t.direSupprimee(touche, pas); });
    }, function (err) { t.afficherErreur(err, function () { t.supprimer(touche); }); });
  };

  Tchat.prototype.fermerOptions = function () {
    var ob = this.q('.options-bouton');
    ob.setAttribute('aria-expanded', 'false');
    this.q('.options').hidden = true;
  };

  /* The note, the focus and the announcer: « done » said once, by the focus (the note or the
     first message) or by the announcer (the field's user, who also hears the new
     conversation's first words there), in the conversation's language. */
  Tchat.prototype.direSupprimee = function (touche, pas) {
    var fait = this.q('.fait'), premier = pas ? this.liste.querySelector('.msg--coach') : null;
    var dit = simple(this.texte('supprimee')), cible = null;
    fait.textContent = typo(this.texte('supprimee'));
    fait.hidden = false;
    this.journal.scrollTop = 0;
    if (!this.enHautDuPanneau(fait) && (!this.vu(fait, true) || (premier && !this.vu(premier, false)))) {
      fait.scrollIntoView({ block: 'start' });
    }
    if (!touche && premier) {
      this.saisie.focus({ preventScroll: true });
      if (this.vu(this.saisie, true) && this.vu(fait, false)) cible = this.saisie;
    }
    if (!cible) {
      cible = premier && this.vu(premier, false) ? premier : fait;
      cible.tabIndex = -1;
      cible.focus({ preventScroll: true });
    }
    if (cible === this.saisie) this.annoncer(dit + ' ' + this.texteReponse(pas));
    else if (cible === premier) this.annoncer(dit);
    else if (pas) this.annoncer(this.texteReponse(pas));
  };

  Tchat.prototype.texteComplet = function () {
    var lignes = ['Conversation avec le coach CoP', 'Enregistrée le ' +
      new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }), ''];
    Array.prototype.forEach.call(this.liste.querySelectorAll('.msg'), function (li) {
      lignes.push(li.querySelector('.auteur').textContent + ' :');
      lignes.push(li.querySelector('.texte').textContent, '');
    });
    return lignes.join('\r\n');
  };

  Tchat.prototype.telecharger = function () {
    var url = URL.createObjectURL(new Blob(['\ufeff' + this.texteComplet()], { type: 'text/plain;charset=utf-8' }));
    var a = el(this.doc, 'a');
    a.href = url;
    a.download = 'conversation-coach-cop.txt';
    a.hidden = true;
    this.racine.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    this.annoncer('La conversation est téléchargée dans le fichier conversation-coach-cop.txt.');
  };

  /* ---- « Écouter »: Web Speech API, French voice only, never automatic ---- */
  Tchat.prototype.majVoix = function () {
    this.voix = voixFrancaise();
    var cache = !this.voix;
    Array.prototype.forEach.call(this.racine.querySelectorAll('.tts'), function (b) { b.hidden = cache; });
    this.q('.voix').hidden = cache;
  };

  Tchat.prototype.etiqueterLecture = function (b, nom, enCours) {
    b.textContent = enCours ? 'Arrêter la lecture' : 'Écouter';
    b.classList.toggle('en-lecture', enCours);
    var cache = el(this.doc, 'span', 'visually-hidden', (enCours ? ' du message ' : ' le message ') +
      titreMessage(nom, 'bot').replace(/^Message /, ''));
    b.appendChild(cache);
    b.setAttribute('data-nom', nom);
  };

  Tchat.prototype.arreterLecture = function () {
    if (!this.lecture) return;
    var b = this.lecture;
    this.lecture = null;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    this.etiqueterLecture(b, b.getAttribute('data-nom'), false);
  };

  Tchat.prototype.ecouter = function (b) {
    var t = this, deja = this.lecture === b;
    this.arreterLecture();
    if (deja || !this.voix) return;
    var texte = b.closest('li').querySelector('.texte').textContent;
    var vitesse = Number(this.q('#vitesse').value) || 1;
    var morceaux = phrases(texte);
    this.lecture = b;
    this.etiqueterLecture(b, b.getAttribute('data-nom'), true);
    morceaux.forEach(function (p, i) {
      var u = new window.SpeechSynthesisUtterance(p);
      u.voice = t.voix;
      u.lang = t.voix.lang;
      u.rate = vitesse;
      if (i === morceaux.length - 1) {
        u.onend = u.onerror = function () {
          if (t.lecture === b) { t.lecture = null; t.etiqueterLecture(b, b.getAttribute('data-nom'), false); }
        };
      }
      window.speechSynthesis.speak(u);
    });
  };

  /* ---- entry points ---- */
  function page() {
    var racine = document.querySelector('[data-coach-client]');
    if (!racine) return;
    var params = new URLSearchParams(location.search);
    var tchat = new Tchat(racine, {
      api: new URL('./', location.href).href,
      parcours: params.get('parcours') || undefined,
      falc: params.has('falc') ? params.get('falc') !== '0' : lire('falc') === '1'
    });
    window.coachTchat = tchat;
    tchat.demarrerTout();
    tchat.garderPlace();
    tchat.bandeFalc();
  }

  /* The page's markup, made the widget's: no section heading (the dialog is named by its
     title), headings one level under the widget's, printing through the server's transcript
     in a new tab, the privacy notice at the panel's end. */
  function adapterModele(corps, niveau, api) {
    var d = corps.ownerDocument, journal = corps.querySelector('.journal');
    var section = journal.closest('section');
    journal.removeAttribute('aria-labelledby');
    journal.setAttribute('aria-label', 'Conversation');
    section.replaceWith(journal);
    corps.querySelector('.messages').setAttribute('data-niveau', String(niveau));
    var imprimer = el(d, 'a', 'imprimer bouton-lien');
    imprimer.appendChild(el(d, 'span', null, 'Imprimer la conversation')).setAttribute('data-texte', 'imprimer');
    imprimer.appendChild(d.createTextNode(' (nouvelle fenêtre)'));
    imprimer.target = '_blank';
    imprimer.rel = 'noopener';
    imprimer.href = '#';
    corps.querySelector('.imprimer').replaceWith(imprimer);
    var notice = el(d, 'p', 'confidentialite'), lien = el(d, 'a', 'lien-confidentialite');
    lien.appendChild(el(d, 'span', null, 'Confidentialité et données personnelles'))
      .setAttribute('data-texte', 'lien-confidentialite');
    lien.appendChild(d.createTextNode(' (nouvelle fenêtre)'));
    lien.href = api + 'confidentialite';
    lien.target = '_blank';
    lien.rel = 'noopener';
    notice.appendChild(lien);
    corps.insertBefore(notice, corps.querySelector('.annonces'));
  }

  /* Called by widget.js once the CSS is loaded: fills its <dialog>, returns the Tchat. */
  function widget(dialogue, options) {
    var d = dialogue.ownerDocument, n = options.niveau;
    var tete = el(d, 'div', 'panneau-tete');
    var titre = el(d, 'h' + n, 'titre', 'Tchat avec le coach');
    titre.id = 'coach-titre';
    var fermer = el(d, 'button', 'fermer', 'Fermer');
    fermer.type = 'button';
    fermer.appendChild(el(d, 'span', 'visually-hidden', ' le tchat'));
    fermer.addEventListener('click', options.fermer);
    var corps = el(d, 'div', 'panneau-corps coach');
    corps.setAttribute('lang', 'fr');
    corps.innerHTML = MODELE;
    adapterModele(corps, Math.min(6, n + 1), options.api);
    var boutons = el(d, 'div', 'tete-boutons'), outils = corps.querySelector('.outils');
    var plusOptions = corps.querySelector('.options-bouton');
    // The header holds the tools, so that the history gets the panel's height.
    boutons.appendChild(corps.querySelector('.falc-bouton'));
    boutons.appendChild(plusOptions);
    boutons.appendChild(fermer);
    outils.remove();
    // « Agrandir le tchat »: a larger panel, within the host page's window.
    var li = el(d, 'li'), agrandir = el(d, 'button', 'agrandir', 'Agrandir le tchat');
    agrandir.setAttribute('data-texte', 'agrandir');
    agrandir.type = 'button';
    agrandir.setAttribute('aria-pressed', 'false');
    agrandir.addEventListener('click', function () {
      var grand = dialogue.classList.toggle('grand');
      agrandir.setAttribute('aria-pressed', String(grand));
    });
    li.appendChild(agrandir);
    corps.querySelector('.options ul').appendChild(li);
    tete.appendChild(titre);
    tete.appendChild(boutons);
    // Full screen, the header sticks at the top (coach.css), but only its row of buttons
    // stays on screen: the title's row above it goes by (a negative `top`, --tete-cache). What
    // stays is measured (--tete), for what is brought to the top of the panel to stop under
    // it. At 320 × 568 the whole header was 141 px (the title, then three buttons on two rows).
    var mesurer = function () {
      var haut = boutons.getBoundingClientRect().top - tete.getBoundingClientRect().top;
      var cache = haut > 8 ? Math.floor(haut - 4) : 0;
      dialogue.style.setProperty('--tete-cache', cache + 'px');
      dialogue.style.setProperty('--tete', (tete.offsetHeight - cache) + 'px');
    };
    if (window.ResizeObserver) {
      var taille = new window.ResizeObserver(mesurer);
      taille.observe(tete);
      taille.observe(boutons);
    }
    dialogue.textContent = '';
    dialogue.appendChild(tete);
    dialogue.appendChild(corps);
    var tchat = new Tchat(corps, { api: options.api, parcours: options.parcours, falc: options.falc, widget: true });
    /* Full screen (widget.js, at each opening and change of size), « Plus d’options » is at
       the top of the conversation, above the options it opens: the header keeps one row,
       « Facile à lire » and « Fermer » (three buttons do not fit in a row 320 px wide). On a
       desktop page it is back between them. Moved, it keeps the focus. */
    tchat.pleinEcran = function (plein) {
      var ici = plein ? corps : boutons, avant = plein ? corps.querySelector('.options') : fermer;
      if (plusOptions.parentNode === ici) return;
      var actif = corps.getRootNode().activeElement === plusOptions;
      ici.insertBefore(plusOptions, avant);
      if (actif) plusOptions.focus({ preventScroll: true });
    };
    var lien = corps.querySelector('.imprimer');
    var majLien = function () {
      if (tchat.id) lien.href = options.api + 'sans-js/' + encodeURIComponent(tchat.id) + '/transcription';
    };
    lien.addEventListener('focus', majLien);
    lien.addEventListener('mousedown', majLien);
    tchat.pret = tchat.demarrerTout().then(function () {
      majLien();
      // Full screen (small screens, high zoom), opened with the keyboard or a mouse: the
      // history arrived above the focused field; the field stays only if the reply's start
      // is seen with it (ouvertEnPlein). On a desktop page the panel stays on the start of
      // the last reply (montrerReponse), its one scroll.
      if (dialogue.classList.contains('plein')) tchat.ouvertEnPlein();
    });
    // The options open at the top of the panel's body (its one scroll): show them there;
    // closed, back to the start of the last reply. (After demarrerTout's own listener, which
    // opens or closes them.)
    boutons.querySelector('.options-bouton').addEventListener('click', function (e) {
      if (e.currentTarget.getAttribute('aria-expanded') === 'true') corps.scrollTop = 0;
      // Full screen, the panel scrolls like a page: after a tap, the reply is brought back
      // there too (it stayed at the button, the reply screens below).
      else if (tchat.parToucher(e)) tchat.reponseEnVue();
      else tchat.montrerReponse(false);
    });
    return tchat;
  }

  window.CoachCoP = { widget: widget, Tchat: Tchat, phrases: phrases, voixFrancaise: voixFrancaise };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page);
  else page();
})();
