# Titles one person cannot hold at once in one organisation, as reports write them before a name.
# "a | b": two reports calling the same person "a" and "b" of the same organisation (or neither naming one) disagree on
#          the title ("Chick-fil-A president Dan Cathy" / "CEO Dan Cathy").
# "a = b": one title written two ways; compared after this and after abbreviations are written out ("Sen." = senator).
# Titles are compared whole: "vice president" is not "president", and a title nobody lists never conflicts. Titles one
# person often holds together ("chairman" and "CEO", "senator" and a committee's "chairman") are not listed.
chief executive officer = ceo
chief executive = ceo
congressman = representative
congresswoman = representative
president | ceo
executive director | ceo
executive director | president
assistant district attorney | district attorney
deputy district attorney | district attorney
assistant attorney general | attorney general
deputy attorney general | attorney general
senator | representative
lieutenant governor | governor
