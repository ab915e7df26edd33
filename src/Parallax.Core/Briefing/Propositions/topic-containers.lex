# Nouns that stand for a list to come: "discussed a range of issues including trade and Taiwan". After a topic verb,
# one of these (with "a", "the", "broad", "wide"…) waits for "including", "such as" or "like" before the list starts.
range
number
host
variety
series
list
raft
slew
issues
topics
subjects
matters
areas
questions
