# Hedges that soften or bound a number.
about
around
approximately
roughly
some
nearly
almost
just under
just below
just over
just above
more than
less than
fewer than
over
under
at least
at most
up to
as many as
as much as
close to
an estimated
upwards of
