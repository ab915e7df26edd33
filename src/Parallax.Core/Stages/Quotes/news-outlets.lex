# News organisations: an outlet reports a remark ("told CNBC", "according to Reuters", "in an interview with Fox News"), so
# it is the speaker only when the text makes it the subject of its own reporting verb ("CNN said in a statement"), never
# by a pronoun or by standing near the words. Compared case-sensitively with the whole name.
CNN
CNBC
MSNBC
NBC
ABC
CBS
PBS
NPR
BBC
Fox
Fox News
Reuters
AP
Associated Press
AFP
Bloomberg
Axios
Politico
Vox
BuzzFeed
HuffPost
Huffington Post
Breitbart
Newsmax
Daily Beast
The Daily Beast
Daily Caller
Daily Mail
The Hill
Hill
New York Times
Washington Post
Wall Street Journal
USA Today
Los Angeles Times
Guardian
The Guardian
Times
Post
Journal
Telegraph
Newsweek
Time
Slate
Salon
Mother Jones
National Review
The Atlantic
Atlantic
New Yorker
The New Yorker
Xinhua
TMZ
Yahoo News
ProPublica
The Intercept
Intercept
Sinclair
