"""What the words next to a name tell of the person's gender.

Titles ('Mr', 'Frau', 'Mme', 'Sra.', 'Signora'), a German role noun in its feminine form
right before the name ('Kriminologin Bärbel Bongartz', 'EZB-Präsidentin Christine
Lagarde'), or an article before a role ('la consejera Rosa Vidal', 'der Bürgermeister Hans
Roth', 'die Abgeordnete Anke Lorenz'). English roles say nothing ('Minister Ana Lima').
"""

from __future__ import annotations

from collections.abc import Callable

MALE, FEMALE = "m", "f"
MALE_TITLES = frozenset({"mr", "herr", "m.", "monsieur", "sr", "señor", "signor", "sig",
                         "sir", "lord", "don", "king", "prince", "father", "brother", "mister"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "frau", "mme", "madame", "mlle", "sra", "señora",
                           "signora", "sig.ra", "dame", "lady", "doña", "queen", "princess",
                           "sister"})
FEMALE_ARTICLES = frozenset({"la", "die", "une", "eine", "una"})
MALE_ARTICLES = frozenset({"der", "le", "el", "il", "un", "ein", "lo"})
# Shortest German feminine role noun read as one ('Chefin' yes, 'Erin' no).
MIN_FEMININE_ROLE = 6
# How far before a name its title or role is looked for.
GENDER_WINDOW = 40


def gender_near(text: str, position: int, run: str, name: str,
                is_role: Callable[[str], bool]) -> str | None:
    """The gender the title, role or article before a name (inside its run or just before
    it) tells, or None."""
    cut = run.find(name) if name else -1
    prefix = run[:cut].split() if cut > 0 else []
    before = text[max(0, position - GENDER_WINDOW):position].split()[-2:]
    words = [word.strip(",").lower() for word in before + prefix]
    for word in reversed(words):
        plain = word.rstrip(".")
        if plain in MALE_TITLES or word in MALE_TITLES:
            return MALE
        if plain in FEMALE_TITLES:
            return FEMALE
    if not words or not is_role(words[-1]):
        return None
    role = words[-1].rsplit("-", 1)[-1]
    if len(role) >= MIN_FEMININE_ROLE and role.endswith("in") and not role.endswith(("ain", "ein")):
        return FEMALE  # 'Sprecherin', 'Kriminologin' ('Captain' is no feminine)
    article = words[-2] if len(words) > 1 else ""
    return FEMALE if article in FEMALE_ARTICLES else MALE if article in MALE_ARTICLES else None
