# Phrases that mark a sentence as page furniture, not reporting: photo credits and captions, copyright lines, sign-up and
# subscription prompts, contributor lines, player notices. A sentence holding one is neither a fact nor a conflict.
# Matched with case, anywhere in the sentence.
Getty Images
AP Photo
(Photo:
Photo:
Photograph:
Image copyright
Image caption
Image source
toggle caption
Media playback is unsupported
Media caption
Copyright ©
©
All rights reserved
Click here
Sign up for
Sign up today
Subscribe now
unsubscribe at any time
Read more:
Follow us on
contributed to this report
contributed reporting
This story has been updated
reprint permission
Replay More Videos
Just Watched
JUST WATCHED
Must Watch
MUST WATCH
Have you been affected
Share this with
Share on Facebook
Watch the full video
The opinions expressed
do not necessarily represent the views
do not represent the views of
do not necessarily reflect the views
Copy may not be in its final form
Get breaking news alerts
File Photo
file photo
FILE -
FILE –
This video was produced
EDITOR’S NOTE
EDITOR'S NOTE
Editor’s note:
Editor's note:
FILE PHOTO
This photo taken
