# Phrases that point back at a sentence before ("But the editor was not alone.", "Biden did another thing Obama did not.",
# "The other, Ofer Biton, pleaded guilty."): out of their article they do not say who or what. Whole words, any case;
# matched on the words outside quotations with punctuation removed; "^" matches at the sentence's start only.
not alone
not the first time
not the only
another thing
the same thing
did the same
so did
did so too
^the other
^the latter
