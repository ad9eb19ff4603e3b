"""The privacy notice (RGPD) the client links to, filled with the service's own settings."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from coach.api.contact import contact_html, contact_name, no_contact_text
from coach.content.model import Content
from coach.settings import Settings

NOTICE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Confidentialité et données personnelles — Coach CoP</title>
<link rel="stylesheet" href="/coach.css">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<main id="contenu" class="page-texte">
<h1>Confidentialité et données personnelles</h1>
<p><a href="/">Revenir au tchat</a></p>

<h2>En bref</h2>
<ul>
  <li>Vous n’avez pas de compte. Nous ne demandons ni votre nom, ni votre courriel.</li>
  <li>Votre conversation est gardée {retention} jours après votre dernier message,
      puis elle est effacée.</li>
  <li>Vous pouvez la supprimer tout de suite avec le bouton « Supprimer ma conversation ».</li>
  <li>Ce que vous écrivez n’est jamais enregistré dans les journaux du service,
      ni compté dans les statistiques.</li>
</ul>

<h2>Qui est responsable ?</h2>
<p>L’organisation qui vous propose ce coach est responsable du traitement.
{contact}</p>

<h2>Quelles données, pour quoi faire ?</h2>
<ul>
  <li><strong>La conversation</strong> : les réponses choisies, les messages écrits, l’étape
      où vous êtes, et le mode « facile à lire ». Elle sert seulement à poursuivre la
      conversation et à vous la montrer. Base légale : l’intérêt légitime de l’organisation
      à vous accompagner, à votre demande.</li>
  <li><strong>Un identifiant de conversation</strong>, tiré au hasard, gardé dans votre
      navigateur (stockage local, pas un cookie), pour retrouver la conversation si vous
      revenez.</li>
  <li><strong>Vos réglages d’affichage</strong> (taille du texte, lecture à voix haute),
      gardés dans votre navigateur seulement.</li>
  <li><strong>Votre adresse IP</strong>, gardée deux minutes au plus, pour limiter les abus
      (trop de messages en peu de temps), et une heure au plus après un jeton
      d’administration refusé. Elle n’est jamais liée à une conversation ni écrite dans
      les journaux.</li>
</ul>
<p>N’écrivez pas d’informations sur votre santé ou celle d’un proche si ce n’est pas
nécessaire : le coach n’en a pas besoin pour vous aider.</p>

<h2>Qui voit ces données ?</h2>
<p>Personne d’autre que le service lui-même. Les données restent sur les serveurs de
l’organisation. Rien n’est envoyé à un autre site, ni à un outil de publicité ou de mesure
d’audience.</p>

<h2>Vos droits</h2>
<p>Vous pouvez accéder à votre conversation (elle est affichée dans le tchat, et vous pouvez
la télécharger), la supprimer à tout moment, et vous opposer à son traitement en la
supprimant. Pour exercer vos droits ou poser une question, contactez {nom}.
Vous pouvez aussi adresser une réclamation à la CNIL, la Commission nationale de
l’informatique et des libertés (cnil.fr).</p>
</main>
</body>
</html>
"""


def build_privacy_router(settings: Settings, content: Content) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    page = NOTICE.format(retention=settings.retention_days,
                         contact=contact_html(settings, no_contact_text(content)),
                         nom=contact_name(settings))

    @router.get("/confidentialite", response_class=HTMLResponse)
    async def privacy_notice() -> HTMLResponse:
        return HTMLResponse(page)

    return router
