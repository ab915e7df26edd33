# Nouns that make "… of N" a change rather than a level ("a cut of 10%").
cut
cuts
reduction
increase
rise
drop
fall
decline
jump
gain
loss
hike
