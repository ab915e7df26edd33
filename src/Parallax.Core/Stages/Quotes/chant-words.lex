# A crowd's words: "supporters chanted “lock her up”", "chants of “USA”". Nobody in particular said them.
chant
chants
chanted
chanting
chorus
sang
singing
