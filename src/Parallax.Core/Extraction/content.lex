# Words in an element's class or id that suggest the article's own text.
article
articlebody
body
content
entry
main
post
prose
story
text
blog
hentry
