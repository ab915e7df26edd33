# Words that say a meeting, call or statement dealt with things, followed by what it dealt with: "the leaders discussed
# trade, Taiwan and Ukraine", "the call touched on fentanyl". One phrase per line, lower case; the longest match wins.
# Past and -ing forms only: "to discuss", "will speak about" tell what is planned, not what was said.
# A trailing * means only in a clause that names a conversation (talk-nouns.lex): "the insurance covered the cost" lists no topic.
discussed
discussing
covered *
covering *
talked about
spoke about
touched on
touched upon
focused on *
focussed on *
centred on *
centered on *
tackled *
