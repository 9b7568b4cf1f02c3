"""/404.html in each language folder: /404.html (简体), /en/404.html and /zh-hant/404.html (issue 27).

One page per folder rather than one bilingual page: a reader who mistyped an /en/ address
reads English, with <html lang="en"> and links into the English edition; nginx sends each
folder's own (deploy/nginx.py, ``error_page`` per language location) and bake.serve does the same.
No language switch: the page has no address of its own to switch to.
"""

from __future__ import annotations

from bake.render import Writer
from lib.present import i18n
from lib.views import not_found

PAGE = "/404.html"


def path_of(lang: str) -> str:
    return i18n.localized(PAGE, lang)


def bake_not_found(writer: Writer) -> None:
    for lang in i18n.LANGS:
        view = not_found.build(lang)
        writer.page(path_of(lang), "not_found.html", lang=lang, title=view.title, view=view)
