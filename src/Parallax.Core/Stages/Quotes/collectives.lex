# Collective nouns that speak as a body ("police said", "the administration said").
police
staff
military
government
administration
leadership
management
prosecution
defense
media
public
