"""项目库 in the GUI: the page listing projects, the detail of one, and the dialogs that write them."""
