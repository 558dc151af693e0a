"""Cue phrases that open page furniture rather than reporting, in the languages news sites use most.

Each tuple lists how a *line* of furniture begins (comment forms, "read also" teasers, share
buttons, credits, ...). The rules in :mod:`newscheck.clean.junk` only look for them at the start of
a paragraph, and most only in short paragraphs, so a cue word inside a news sentence never
triggers them. Phrases are lower case; a space matches any run of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

COMMENT_SECTION = (
    "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
    "join the discussion", "join the conversation", "comments", "reader comments",
    "schreibe einen kommentar", "kommentar schreiben", "kommentar verfassen", "kommentare",
    "kommentar hinterlassen", "hinterlasse einen kommentar", "kommentare schreiben",
    "deja un comentario", "deja una respuesta", "dejar un comentario", "comentarios",
    "laisser un commentaire", "laisser une réponse", "commentaires", "lascia un commento",
    "commenti", "deixe um comentário", "deixe uma resposta", "comentários", "dodaj komentarz",
    "zostaw komentarz", "komentarze", "reacties", "laat een reactie achter",
)  # fmt: skip
"""Headings that open a comment section: from there to the end is the comment area."""

COMMENT_LINES = (
    "your email address will not be published", "your e-mail address will not be published",
    "required fields are marked", "cancel reply", "notify me of", "save my name, email",
    "you must be logged in to post a comment", "log in to leave a comment",
    "log in to post a comment", "comments are closed", "be the first to comment",
    "no comments yet", "view comments", "show comments", "post comment", "submit comment",
    "deine e-mail-adresse wird nicht veröffentlicht", "ihre e-mail-adresse wird nicht",
    "erforderliche felder sind mit", "pflichtfelder sind mit", "kommentare insgesamt",
    "keine kommentare", "du musst eingeloggt sein", "du musst angemeldet sein",
    "sie müssen angemeldet sein", "sie müssen eingeloggt sein", "kommentar abschicken",
    "kommentare anzeigen", "benachrichtige mich", "tu dirección de correo electrónico no",
    "tu correo electrónico no será publicado", "los campos obligatorios están marcados",
    "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas",
    "les champs obligatoires sont indiqués", "il tuo indirizzo email non sarà pubblicato",
    "i campi obbligatori sono contrassegnati", "o seu endereço de e-mail não será publicado",
    "twój adres e-mail nie zostanie opublikowany",
)  # fmt: skip
"""Lines of a comment form, removed wherever they stand."""

TAG_LABELS = (
    "tags", "tag", "tagged", "tagged with", "tagged as", "topics", "topic", "keywords",
    "key words", "filed under", "categories", "category", "posted in", "schlagwörter",
    "schlagworte", "stichwörter", "stichworte", "themen", "kategorie", "kategorien",
    "étiquettes", "mots-clés", "mots clés", "catégories", "catégorie", "etiquetas", "temas",
    "categorías", "categoría", "categorie", "categoria", "tagi", "tematy",
)  # fmt: skip
"""Labels of a tag or category line ("Tags: Kursk, Ukraine")."""

SHARE_OPENERS = (
    "share this", "share on", "share via", "share to", "share article", "share the article",
    "share this article", "share this story", "share this post", "teilen mit",
    "diesen artikel teilen", "artikel teilen", "beitrag teilen", "seite teilen",
    "auf facebook teilen", "compartir en", "partager sur", "condividi su", "udostępnij",
    "follow us", "like us on", "folgen sie uns", "folge uns", "síguenos", "siguenos",
    "suivez-nous", "seguici", "obserwuj nas", "subscribe to", "subscribe now",
    "subscribe for", "sign up for", "sign up to", "sign up now", "join our newsletter",
    "get our newsletter", "newsletter abonnieren", "jetzt abonnieren", "zum newsletter",
    "unser newsletter", "melden sie sich für", "melde dich für", "suscríbete",
    "suscribete", "suscríbase", "abonnez-vous", "inscrivez-vous", "iscriviti", "assine",
    "zapisz się", "zapraszamy do subskrypcji", "never miss", "don't miss out",
    "stay up to date", "stay informed", "bleiben sie informiert", "mit unserem newsletter",
    "bleiben sie auf dem laufenden", "for the latest news", "for the latest stories",
    "for breaking news", "download our app", "download the app", "get the app",
)  # fmt: skip
"""Openers of share, follow and subscribe lines."""

SHARE_BUTTONS = (
    "share", "facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "reddit",
    "telegram", "email", "e-mail", "mail", "print", "drucken", "tweet", "twittern", "teilen",
    "copy link", "link kopieren", "flipboard", "xing", "messenger", "imprimir", "compartir",
    "partager", "condividi", "instagram", "youtube", "tiktok", "threads", "bluesky",
    "mastodon", "pocket", "sms", "copy", "kopieren", "stampa",
)  # fmt: skip
"""Words of a share-button row ("Facebook Twitter WhatsApp E-Mail")."""

READ_ALSO = (
    "read more", "read also", "also read", "see also", "related", "more on this",
    "recommended", "watch", "listen", "don't miss", "do not miss", "lesen sie auch",
    "lesen sie mehr", "lesen sie hier", "auch lesen", "mehr zum thema", "zum weiterlesen",
    "weiterlesen", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "auch interessant", "mehr dazu", "siehe auch", "schon gelesen", "passend dazu",
    "mehr lesen", "à lire aussi", "a lire aussi", "lire aussi", "voir aussi",
    "à lire également", "sur le même sujet", "lea también", "lea más", "lea", "lee también",
    "lee más", "le puede interesar", "te puede interesar", "puede interesarte", "puedes ver",
    "mira", "mire", "vea también", "ver también", "leer más", "relacionado",
    "leggi anche", "vedi anche", "potrebbe interessarti", "leia também", "leia mais",
    "veja também", "saiba mais", "czytaj też", "czytaj także", "czytaj więcej", "zobacz też",
    "zobacz także", "dowiedz się więcej", "lees ook", "lees meer", "zie ook",
)  # fmt: skip
"""Openers of a teaser for another article ("Read more: ...", "Lea también: ...")."""

RELATED_HEADINGS = (
    "related", "related articles", "related posts", "related stories", "related content",
    "related news", "more stories", "more news", "more on this topic", "you may also like",
    "you might also like", "recommended", "recommended for you", "most popular", "most read",
    "trending", "top stories", "latest news", "weitere themen", "weitere artikel",
    "weitere beiträge", "weitere nachrichten", "weitere meldungen", "ähnliche beiträge",
    "ähnliche artikel", "verwandte beiträge", "verwandte artikel", "empfohlene beiträge",
    "beliebte beiträge", "neueste beiträge", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "mehr zum thema", "mehr themen",
    "auch interessant", "schon gelesen?", "top-themen", "noticias relacionadas",
    "notas relacionadas", "contenido relacionado", "artículos relacionados", "más noticias",
    "articles similaires", "sur le même sujet", "à lire aussi", "articoli correlati",
    "notícias relacionadas", "powiązane artykuły", "zobacz też", "czytaj też",
)  # fmt: skip
"""Headings of a block of links to other articles."""

RELATED_PREFIXES = ("more from", "more in", "mehr aus", "mehr von", "más sobre", "más de")
"""Headings made of these words and a short name ("More from Reuters", "Mehr aus dem Ressort")."""

RELATED_PHRASES = (
    "könnte sie auch interessieren", "könnte dich auch interessieren",
    "könnte ihnen auch gefallen", "weitere artikel", "weitere beiträge", "weitere themen",
    "weitere aktuelle themen", "mehr zum thema", "lesen sie auch", "you may also like",
    "you might also like", "more stories", "noticias relacionadas", "notas relacionadas",
    "artículos relacionados", "contenido relacionado", "articles similaires",
    "articoli correlati", "powiązane artykuły", "ähnliche beiträge", "ähnliche artikel",
    "verwandte beiträge", "verwandte artikel", "empfohlene beiträge", "top-themen",
    "meistgelesen", "most read", "most popular",
)  # fmt: skip
"""Phrases that make a short heading the heading of a block of links, wherever they stand in it
("Weitere Beiträge aus der Kolumne:")."""

CLICK_HERE = (
    "click here", "klicken sie hier", "hier klicken", "haga clic aquí", "haz clic aquí",
    "cliquez ici", "clicca qui", "kliknij tutaj", "klik hier",
)  # fmt: skip

ADVERT_MARKS = (
    "advertisement", "advertisment", "advertising", "anzeige", "werbung", "sponsored",
    "sponsored content", "paid content", "paid post", "publicidad", "publicité",
    "pubblicità", "reklama", "story continues below", "article continues below",
    "continue reading below", "scroll to continue", "weiter nach der anzeige",
)  # fmt: skip

CREDIT_LABELS = (
    "photo", "photos", "foto", "fotos", "fot", "bild", "bilder", "bildquelle", "bildquellen",
    "image", "images", "picture", "pictures", "credit", "credits", "crédit", "crédits",
    "crédito", "créditos", "photograph", "titelbild", "beitragsbild", "titelfoto",
    "aufmacherbild", "headerbild", "illustration", "grafik", "photo credit", "image credit",
    "image source",
)  # fmt: skip
"""Labels of a picture credit ("Photo: AFP", "Bild: dpa")."""

SOURCE_LABELS = ("quelle", "quellen", "source", "sources", "fuente", "copyright", "video")
"""Labels of a source line ("Quelle: Landesregierung"); unlike a picture credit, "Source:" may
open a sentence, so the rest of the line must not end like one."""

PAYWALL = (
    "to continue reading", "continue reading", "to read the full story",
    "to view the full story", "already a subscriber", "already have an account",
    "pour lire la suite", "kostenlos registrieren", "jetzt registrieren",
    "jetzt weiterlesen", "sign in to read", "log in to read", "subscribe to read",
)  # fmt: skip

SUPPORT = (
    "if you enjoyed", "if you liked", "if you value", "if you appreciate", "support our",
    "support us", "support independent", "unterstütze", "unterstützen sie uns",
    "unterstützen sie unsere", "jetzt spenden", "jede spende", "jede kleine spende",
    "soutenez", "wesprzyj", "donate", "we want to hear what you think",
    "submit a letter to the editor", "submit your letter to the editor",
    "let us know in the comments", "tell us in the comments",
)  # fmt: skip

META_LABELS = (
    "kontakt", "pressekontakt", "contact", "media contact", "press contact", "telefon", "tel",
    "phone", "fax", "e-mail", "email", "updated", "last updated", "published",
    "last modified", "release date", "aktualisiert am", "zuletzt aktualisiert",
    "letzte änderung", "veröffentlicht am", "veröffentlichung", "stand", "more information",
    "weitere informationen", "weitere infos", "mehr informationen", "más información",
    "plus d'informations", "our standards",
)  # fmt: skip

DATE_STAMPS = (
    "updated", "last updated", "published", "posted", "last modified", "aktualisiert",
    "aktualisiert am", "zuletzt aktualisiert", "letzte änderung", "veröffentlicht",
    "veröffentlicht am", "erstellt am", "stand", "publié le", "mis à jour le", "publicado",
    "actualizado",
)  # fmt: skip
"""Openers of a date stamp ("Letzte Änderung 14.02.2019", "Updated on 3/4/2022 10:15")."""

MORE_INFO = (
    "weitere informationen", "weitere infos", "mehr informationen", "more information",
    "más información", "plus d'informations", "plus d'infos",
)  # fmt: skip
"""Openers of a pointer to a web site ("Weitere Infos unter www.example.de")."""

DISCLOSURES = (
    "this post contains affiliate", "this post contains references to products",
    "this article contains affiliate", "this page contains affiliate", "this post may contain",
    "this article may contain", "we may earn a commission", "we may receive compensation",
    "as an amazon associate", "dieser beitrag enthält werbung", "dieser beitrag enthält affiliate",
    "dieser artikel enthält affiliate", "enthält affiliate", "affiliate-links", "affiliate links",
    "bei den verlinkungen handelt es sich um", "we recommend the best products",
)  # fmt: skip
"""Openers of affiliate and advertising disclosures."""
"""Labels of contact, date-stamp and "more information" lines (matched with a colon)."""

COPYRIGHT = (
    "©", "all rights reserved", "alle rechte vorbehalten",
    "todos los derechos reservados", "tous droits réservés", "tutti i diritti riservati",
    "materiał chroniony prawem autorskim", "alle angaben ohne gewähr",
)  # fmt: skip

NAVIGATION = (
    "back to top", "nach oben", "to top", "top", "home", "startseite", "menu", "menü",
    "search", "suche", "login", "log in", "sign in", "anmelden", "register", "registrieren",
    "impressum", "datenschutz", "datenschutzerklärung", "privacy policy", "terms of use",
    "terms of service", "cookie policy", "cookie settings", "cookie-einstellungen",
    "contact us", "about us", "über uns", "sitemap", "rss", "rss-feed", "previous", "next",
    "zurück", "vorheriger artikel", "nächster artikel", "previous post", "next post",
    "loading", "wird geladen", "show more", "mehr anzeigen", "load more", "mehr laden",
    "reply", "antworten", "responder", "répondre", "rispondi", "odpowiedz", "report",
    "inhaltsverzeichnis", "table of contents", "contents", "inhalt", "bild anzeigen",
    "bild vergrößern", "view image", "show image", "enlarge image", "vollbild",
)  # fmt: skip
"""Whole lines that are a link or button of the page frame."""

COOKIES = (
    "we use cookies", "this website uses cookies", "this site uses cookies",
    "by continuing to use this site", "diese website verwendet cookies",
    "diese webseite verwendet cookies", "wir verwenden cookies", "wir nutzen cookies",
    "utilizamos cookies", "nous utilisons des cookies", "questo sito utilizza cookie",
)  # fmt: skip


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    unique = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split(" ")) for p in unique)
