# Words that open a sentence by leaning on the one before it ("But the editor was not alone."): out of their article such
# sentences say nothing clear, so the summary does not quote them.
But
And
Or
So
Yet
Still
Then
Also
Instead
Meanwhile
Otherwise
Nonetheless
Nevertheless
However
