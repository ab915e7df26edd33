# Pronouns that can stand for a speaker: pronoun = gender (m, f, x for either person, n for an organisation: "the Times wrote … it added"; "-" for none: "they" may be a group of people or a body, and read line by line it named the wrong one too often to resolve).
he = m
she = f
they = -
i = x
we = x
it = n
