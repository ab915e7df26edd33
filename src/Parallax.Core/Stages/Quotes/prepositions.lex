# Prepositions that open an adverbial between a cue and what was said ("said in a letter delivered Tuesday that …", "told
# CBS’s “Face the Nation” on Sunday that …"), and that no reported clause begins with.
in
on
during
after
before
from
with
without
via
through
over
under
about
for
of
by
into
amid
following
despite
