# Cues that are also plural nouns ("swing states", "the claims"): they report speech only after a named or pronoun subject.
states
claims
reports
notes
estimates
fears
hopes
promises
warns
thought
expects
