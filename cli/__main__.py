from street2shop.cli.app import main

main()
