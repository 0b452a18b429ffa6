"""Capitalised words that open a sentence but never name anyone, as data.

Adverbs, prepositions, conjunctions, determiners and numerals of German, English, French,
Spanish and Italian: 'Zugleich', 'Neben', 'Hier', 'Dennoch', 'Zwei Jahre', 'However',
'Pendant', 'Según', 'Dopo'. German capitalises every noun, so a capitalised word there is
no evidence of a name; these words are not even nouns. Words that are also common names
or surnames ('Will', 'Mark', 'Ma', 'Su', 'Long') are left out. `words` merges this list
into the name stop words; `order` reads a sentence opening with one as having its subject
after the verb ('Dennoch betont der Trainer:').
"""

from __future__ import annotations

_GERMAN = """
dennoch damit dass doch denn daher deshalb deswegen dabei danach dann darauf dazu davor
dagegen darum zudem zugleich zuvor zuletzt zunächst zwar neben hier dort heute gestern jetzt
nun noch schon bereits immer nie oft auch aber allerdings außerdem trotzdem inzwischen indes
jedoch vielmehr später vorher nachdem bevor während weil wenn als ob obwohl wie was wer wo
warum weshalb wieso woher wohin über unter nach vor bei mit von aus für gegen ohne um seit
trotz wegen zum zur vom beim ins ans durch zwischen hinter ab bis gerade ganz so sonst also
ebenso ebenfalls genauso gleichzeitig anschließend schließlich endlich letztlich offenbar
offensichtlich angeblich vermutlich wohl eher mehr weniger viele einige alle jeder jede jedes
jeden keiner keine niemand manche diese dieser dieses diesen diesem jene solche zwei drei
vier fünf sechs sieben acht neun zehn elf zwölf hundert tausend erst erste ersten zweite
letzte letzten nächste sowohl weder entweder nicht nichts etwas man mal einst selbst sogar
kaum fast genau vielleicht bislang bisher derzeit zurzeit künftig seither stattdessen
insgesamt konkret zumal zusätzlich teilweise welche welcher welches welchen welchem
"""
_ENGLISH = """
however meanwhile still instead although though because since unless whether despite
following before after during under over among within without throughout asked speaking
appearing writing responding two three four five six seven eight nine ten some many most
several few every each both all any another other such even only just then now later earlier
last next first finally indeed perhaps maybe yes not while once upon given amid
"""
_FRENCH = """
mais puis ensuite alors ainsi aussi pourtant cependant toutefois néanmoins depuis pendant
après avant lors dans sur sous avec sans pour par chez quand lorsque comme dès déjà encore
enfin désormais ici là deux trois ce cette ces cet ceux celui celle tous toutes chaque
plusieurs certains outre parmi
"""
_SPANISH = """
pero embargo además mientras después antes desde hasta tras ante aunque porque cuando
como donde ya así ahora ayer dos estos estas ese esa esos esas aquel cada varios muchos
todos con entre sobre hacia
"""
_ITALIAN = """
però inoltre intanto dopo poi quindi così ancora già ieri ora adesso dove sebbene due
quel quella quelli ogni alcuni tutti tra fra
"""

SENTENCE_OPENERS = frozenset(f"{_GERMAN} {_ENGLISH} {_FRENCH} {_SPANISH} {_ITALIAN}".split())
