# Pronouns that can stand for a speaker: pronoun = gender (m, f, x for either person, n for an organisation: "the Times wrote … it added").
he = m
she = f
they = x
i = x
we = x
it = n
