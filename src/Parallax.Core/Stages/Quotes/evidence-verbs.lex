# Verbs by which a poll, a study or documents "say" something ("the survey found …").
show
shows
showed
shown
found
finds
suggest
suggests
suggested
indicate
indicates
indicated
