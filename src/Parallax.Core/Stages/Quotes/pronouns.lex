# Pronouns that can stand for a speaker: pronoun = gender (m, f, or x for either).
he = m
she = f
they = x
i = x
we = x
