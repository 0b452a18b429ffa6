"""Common given names whose bearer is, in nearly every case, a man or a woman, as data.

Written for this project from general knowledge of frequent given names in English, German,
French, Spanish, Portuguese, Italian, Dutch, the Nordic and Slavic languages, Greek, Turkish
and Arabic (in their usual Latin spellings). Names borne by both men and women, or by a man
in one language and a woman in another ('Andrea', 'Jean', 'Kim', 'Nicola', 'Simone', 'Alex',
'Sasha', 'Robin', 'Dominique'), are left out on purpose: a name here is evidence of gender
only where it is nearly unambiguous. `gender_of_name` reads the first word of a full name.
"""

from __future__ import annotations

from .gender import FEMALE, MALE

_MALE = """
aaron abdullah adam adrian ahmed ahmet alan alastair albert alberto alejandro aleksandr
alessandro alexander alexandre alexei alfonso alfred alfredo ali alistair amir anders
andreas andrei andrew andrés andrzej angelo anthony antoine anton antonio arnaud arne arthur
bastian benedikt benjamin bernard bernd bernhard bill björn bob boris brad brandon brian
bruce bruno bryan carl carlo carlos carsten charles christian christoph christophe
christopher claus clemens colin craig cristiano daniel dario darren david dennis
derek diego dieter dietmar dimitri dirk dmitri dmitry domenico donald douglas duncan dylan
edgar eduardo edward elias emil emilio emmanuel enrico enrique eric erik ernst esteban
ethan eugen eugene fabian fabio fabrice federico felipe felix ferdinand fernando filippo
florian francesco francis francisco franck frank franz françois frederick friedrich fritz
gabriel gareth gary gavin geoffrey georg george georgios gerald gerard gerd gerhard
giacomo gianluca gianni giorgio giovanni giuseppe glenn gonzalo gordon graham gregor
gregory grégoire guido guillaume gunnar gustavo günter günther hakan hamid hannes hans
harald harold harry hasan heiko heinrich heinz helmut henri henrik henry herbert hermann
horst howard hubert hugh hugo hussein ian igor ivan jacob jacques jakob james
jean-claude jean-luc jean-marc jean-marie jean-michel jean-paul jean-pierre jeffrey
jens jeremy jerome jesús jim joachim joe johan johann johannes john jonas jonathan
jorge josé josef joseph juan julian julien jörg jürgen karl keith ken kenneth kevin khalid
klaus konrad kurt lars laurent lawrence leon leonardo leopold lorenzo louis luca lucas
luciano ludwig luigi luis lukas luke lutz magnus mahmoud manfred manuel marc marcel marco
marcus mario marius mark markus martin massimo matteo matthew matthias mattia maurice
mauro max maximilian michael michel miguel mikhail milan mohamed mohammad mohammed
moritz muhammad mustafa nathan neil nicholas nick niklas nikolai nikolaus nils noah norbert
oleg oliver olivier omar oscar oskar otto pablo paolo pascal patrick paul paulo pedro
peter petr philip philipp philippe pierre pietro piotr rafael raffaele rainer ralf ralph
ramón raymond reinhard reinhold rené ricardo riccardo richard robert roberto rolf roman
ronald rudolf rupert ryan salvatore samuel sandro sebastian sergei sergio simon stanislav
stefan stefano steffen stephen steve steven stuart sven sébastien søren thierry thomas
thorsten tim timothy tobias todd tom tomasz tommaso tony torsten uwe valentin vasily
victor vincent vincenzo viktor vittorio vladimir walter werner wilhelm william wolfgang
xavier yannick yuri yusuf yves zoltan
"""

_FEMALE = """
abigail adele adriana agnes agnieszka aisha alessandra alexandra alice alicia alina amanda
amelia amy ana anastasia angela angelika anika anita anja ann anna annalena anne annette
annika antje antonella antonia ariane astrid audrey barbara beate beatrice beatriz bettina
birgit brenda bridget brigitte britta camilla carina carla carmen carolina caroline
catherine cecilia charlotte chiara christiane christina christine cinzia claire clara
claudia cristina dagmar daniela danielle deborah denise diana diane doris dorothea
dorothee edith elena eleonora elisa elisabeth elisabetta elise elizabeth ellen elke ella
emily emma erika esther eva evelyn federica francesca françoise franziska gabriela
gabriella gabrielle galina gertrud gisela giulia giuliana gloria grace greta gudrun hanna
hannah heike helen helena helga ilse ines inga inge ingrid irene irina iris isabel
isabella isabelle jana jane janet janina jennifer jessica joanna johanna josephine judith
julia juliane julie karen karin katarzyna katharina katherine kathrin kathryn katja
katrin kerstin kirsten klara kristina larissa laura lea lena leonie linda lisa liselotte
lucia luciana lucy luisa lydia madeleine magdalena maja manuela margaret margarete
margarita margherita margit maria mariana marianne marie marie-claire marina
marta martina mary maria-luisa melanie melissa mia michaela michelle miriam monika monica
nadia nadine natalia natalie natascha nathalie nicole nina nora olga olivia paola patricia
paula pauline petra rachel rebecca regina renate rita roberta rosa rosemary ruth sabine
sabrina sandra sara sarah silke silvia simona sofia sonja sophia sophie stefanie stephanie
susan susanne suzanne svetlana sylvia sylvie tanja tatiana teresa theresa ulrike ursula
valentina valeria valérie vanessa vera veronica veronika victoria virginie virginia
viviane wendy yvonne zoe
"""

NAME_GENDERS = {name: MALE for name in _MALE.split()} | {name: FEMALE for name in _FEMALE.split()}


def gender_of_name(name: str) -> str | None:
    """MALE or FEMALE for a full name whose first word is a given name listed here, else None."""
    first = name.split(" ", 1)[0].lower()
    return NAME_GENDERS.get(first)
