# Nouns for a relative, written before the relative's given name alone ("his wife, Stacey", "and wife Stacy"): the name
# then names one person of the story's, and two reports spelling it two ways disagree on its spelling.
wife
husband
widow
widower
son
daughter
stepson
stepdaughter
brother
sister
mother
father
fiancee
fiancée
fiance
fiancé
