# Short lines page furniture leaves inside an article's container ("Advertisement", "Share"), dropped when a whole
# paragraph is one of them (case-insensitive, a trailing full stop or ellipsis ignored).
advertisement
advertisement:
advert
ad
sponsored
share
share this
share this article
share on facebook
share on twitter
tweet
email
print
comments
related
related articles
read more
read more:
continue reading
story continues below
story continues below advertisement
click to expand
loading...
sign up
subscribe
more
show more
close
menu
skip to content
back to top
image
photo
video
