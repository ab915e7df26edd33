# Words that open a second claim inside a sentence, after a comma or a semicolon: "…, though he did not mention Taiwan",
# "…, while China shelved its plan". What follows must hold a verb for the split to be made.
though
although
while
whereas
but
and
yet
