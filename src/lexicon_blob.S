/* The default lexicon, embedded verbatim (see lexicon.c). */
	.section .rodata
	.global isnad__lexicon_blob
	.global isnad__lexicon_blob_end
	.balign 16
isnad__lexicon_blob:
	.incbin ISNAD_LEXICON_PATH
isnad__lexicon_blob_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
